// Does the database's schema match this code? Used by `rytask status`, by api and worker at boot
// (they refuse to start otherwise) and by the api's /readyz.
import type pg from 'pg';
import { MigrationError } from './errors';
import { loadMigrations, type Migration } from './journal';
import { readHistory } from './history';
import { isUpToDate, planMigrations, type MigrationPlan } from './plan';

type Queryable = Pick<pg.ClientBase, 'query'>;

export async function checkSchema(client: Queryable, migrations: Migration[] = loadMigrations()): Promise<MigrationPlan> {
  return planMigrations(migrations, await readHistory(client));
}

const list = (names: string[]) => names.map((name) => `  - ${name}`).join('\n');

/**
 * The refusals that stop `migrate` before it touches anything: the database is newer than the
 * code, an applied migration's file changed, or a migration was slipped in before applied ones.
 */
export function integrityError(plan: MigrationPlan): MigrationError | null {
  if (plan.unknown.length > 0) {
    return new MigrationError(
      'database_newer',
      `The database is newer than this code: it has ${plan.unknown.length} migration(s) this version does not know:\n` +
        `${list(plan.unknown)}\n` +
        'This happens when the code was rolled back without restoring the database. Either restore the ' +
        'backup taken before the upgrade (`make restore FILE=…` with compose, `rytask restore FILE --force` ' +
        'otherwise), or check out the newer version again.',
    );
  }
  if (plan.changed.length > 0) {
    const details = plan.changed
      .map(
        (c) =>
          `  - ${c.file}\n      checksum when applied: ${c.appliedChecksum}\n      checksum of the file now: ${c.fileChecksum}`,
      )
      .join('\n');
    return new MigrationError(
      'migration_changed',
      `Refusing to migrate: ${plan.changed.length} migration file(s) changed after they were applied:\n${details}\n` +
        'A migration is never edited once applied. Restore the file (git checkout -- <file>) and put the ' +
        'change in a new migration: npm run migration:new -- --name <name>.',
    );
  }
  if (plan.outOfOrder.length > 0) {
    return new MigrationError(
      'out_of_order',
      `Refusing to migrate: migration(s) sit before already-applied ones in the journal but were never applied:\n` +
        `${list(plan.outOfOrder)}\n` +
        'Applying them now would run them in a different order than everywhere else, and skipping them ' +
        'would lose them. Move them after the last applied migration (recreate them with ' +
        '`npm run migration:new`), or restore the database from a backup taken before the later migrations.',
    );
  }
  return null;
}

/** Why a process must not start on this database, or null when schema and code match exactly. */
export function schemaMismatch(plan: MigrationPlan): string | null {
  if (isUpToDate(plan)) return null;
  const refusal = integrityError(plan);
  if (refusal) return refusal.message;
  return (
    `The database schema is behind this version: ${plan.pending.length} migration(s) pending:\n` +
    `${list(plan.pending.map((m) => m.name))}\n` +
    'Run `rytask migrate` first (with compose, `docker compose up -d` runs it for you).'
  );
}
