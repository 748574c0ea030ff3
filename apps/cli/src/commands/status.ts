import { HISTORY_TABLE, isUpToDate, loadMigrations, planMigrations, readHistory, schemaMismatch } from '@rytask/db/migrate';
import pg from 'pg';
import { requireDatabaseUrl, type Config } from '../config';
import { APP_VERSION } from '../version';

/** Read-only: never takes the migration lock, never writes. Exit 0 only on an exact match. */
export async function statusCommand(config: Config, options: { json: boolean }): Promise<number> {
  const migrations = loadMigrations();
  const client = new pg.Client({ connectionString: requireDatabaseUrl(config), application_name: 'rytask status' });
  client.on('error', () => undefined);
  await client.connect();
  let history;
  try {
    history = await readHistory(client);
  } finally {
    await client.end().catch(() => undefined);
  }
  const plan = planMigrations(migrations, history);
  const ok = isUpToDate(plan);
  if (options.json) {
    console.log(
      JSON.stringify(
        {
          ok,
          appVersion: APP_VERSION,
          applied: history
            .filter((row) => plan.applied.includes(row.name))
            .map((row) => ({ name: row.name, checksum: row.checksum, appliedAt: row.appliedAt, durationMs: row.durationMs, appVersion: row.appVersion })),
          pending: plan.pending.map((m) => m.name),
          unknown: plan.unknown,
          changed: plan.changed.map(({ name, appliedChecksum, fileChecksum }) => ({ name, appliedChecksum, fileChecksum })),
          outOfOrder: plan.outOfOrder,
        },
        null,
        2,
      ),
    );
    return ok ? 0 : 1;
  }
  const section = (title: string, names: string[]) =>
    console.log(`${title} (${names.length})${names.length ? ':\n' + names.map((n) => `  ${n}`).join('\n') : ''}`);
  console.log(`RyTask ${APP_VERSION}; migration history in table ${HISTORY_TABLE}`);
  section('Applied', plan.applied);
  section('Pending', plan.pending.map((m) => m.name));
  section('Unknown to this version', plan.unknown);
  section('Changed since applied', plan.changed.map((c) => `${c.name} (applied ${c.appliedChecksum.slice(0, 12)}…, file now ${c.fileChecksum.slice(0, 12)}…)`));
  if (plan.outOfOrder.length) section('Out of order', plan.outOfOrder);
  const mismatch = schemaMismatch(plan);
  console.log(mismatch ? `\n${mismatch}` : '\nThe database matches this code exactly.');
  return ok ? 0 : 1;
}
