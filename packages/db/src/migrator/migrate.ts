// Applies pending migrations: serialized by an advisory lock, integrity-checked before anything
// runs, all pending transactional migrations in ONE transaction, each recorded inside it.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { MigrationError } from './errors';
import { CREATE_HISTORY_TABLE, readHistory, recordMigration } from './history';
import { loadMigrations, type Migration } from './journal';
import { acquireMigrationLock, releaseMigrationLock } from './lock';
import { planMigrations } from './plan';
import { integrityError } from './schema-check';

export interface MigrateOptions {
  databaseUrl: string;
  appVersion: string;
  migrationsDir?: string;
  /** How long to wait for another run's lock before giving up. */
  lockWaitMs: number;
  /** PostgreSQL lock_timeout for migration statements, so DDL never queues behind live traffic. */
  lockTimeoutMs: number;
  log: (line: string) => void;
  /**
   * Runs under the migration lock when migrations are pending, before any is applied (the
   * pre-upgrade backup). Its backup file name is recorded in the history rows of the run; if it
   * throws, nothing is applied.
   */
  beforeApply?: (client: pg.Client, pending: Migration[]) => Promise<{ backupFile?: string }>;
  /** Runs under the migration lock after migrations, on the same connection (the seed). */
  afterMigrations?: (client: pg.Client) => Promise<void>;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

/** Consecutive transactional migrations share a step; a no-transaction migration is a step alone. */
function steps(pending: Migration[]): Migration[][] {
  const result: Migration[][] = [];
  for (const m of pending) {
    const last = result.at(-1);
    if (m.transactional && last?.[0]?.transactional) last.push(m);
    else result.push([m]);
  }
  return result;
}

function shorten(sql: string): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return flat.length > 400 ? `${flat.slice(0, 400)}…` : flat;
}

export function failure(m: Migration, statement: string, error: unknown, committedBefore: string[], lockTimeoutMs: number): MigrationError {
  const pgError = error as { code?: string; message?: string };
  const kept =
    committedBefore.length > 0
      ? `Migrations committed earlier in this run stay applied: ${committedBefore.join(', ')}. Nothing of ${m.name} remains.`
      : 'Nothing of this run remains: the schema and data are exactly as before.';
  if (pgError.code === '55P03') {
    return new MigrationError(
      'lock_timeout',
      `Migration ${m.name} could not get a table lock within ${lockTimeoutMs / 1000} s (lock_timeout): live ` +
        `traffic holds it.\n  statement: ${shorten(statement)}\n${kept}\n` +
        'Run `rytask migrate` again at a quieter moment, or raise RYTASK_MIGRATE_LOCK_TIMEOUT_SECONDS.',
    );
  }
  return new MigrationError(
    'migration_failed',
    `Migration ${m.name} failed.\n  statement: ${shorten(statement)}\n` +
      `  PostgreSQL error${pgError.code ? ` ${pgError.code}` : ''}: ${pgError.message ?? String(error)}\n${kept}\n` +
      'If this migration came with an upgrade, keep running the previous version and report the error; ' +
      'if you are writing it, fix it and run `rytask migrate` again.',
  );
}

/** Runs one migration's statements in order; a failure is described by `describe`. */
export async function runStatements(
  client: pg.ClientBase,
  m: Migration,
  describe: (statement: string, error: unknown) => Error,
  transform: (statement: string) => string = (statement) => statement,
): Promise<void> {
  for (const statement of m.statements) {
    try {
      await client.query(transform(statement));
    } catch (error) {
      throw describe(statement, error);
    }
  }
}

async function applyStep(
  client: pg.ClientBase,
  step: Migration[],
  context: { runId: string; appVersion: string; lockTimeoutMs: number; committed: string[]; backupFile?: string },
): Promise<void> {
  const inTransaction = step[0]?.transactional ?? true;
  const scope = inTransaction ? 'LOCAL ' : '';
  if (inTransaction) await client.query('BEGIN');
  try {
    await client.query(`SET ${scope}lock_timeout = ${Math.max(1, Math.round(context.lockTimeoutMs))}`);
    // Inside the step's transaction: a failed first run leaves not even an empty history table.
    await client.query(CREATE_HISTORY_TABLE);
    for (const m of step) {
      const started = performance.now();
      await runStatements(client, m, (statement, error) => failure(m, statement, error, context.committed, context.lockTimeoutMs));
      await recordMigration(client, {
        name: m.name,
        checksum: m.checksum,
        durationMs: performance.now() - started,
        appVersion: context.appVersion,
        runId: context.runId,
        backupFile: context.backupFile,
      });
    }
    if (inTransaction) await client.query('COMMIT');
    else await client.query('RESET lock_timeout');
  } catch (error) {
    if (inTransaction) await client.query('ROLLBACK').catch(() => undefined);
    else await client.query('RESET lock_timeout').catch(() => undefined);
    throw error;
  }
  context.committed.push(...step.map((m) => m.name));
}

export async function migrate(options: MigrateOptions): Promise<MigrateResult> {
  const migrations = loadMigrations(options.migrationsDir);
  const client = new pg.Client({ connectionString: options.databaseUrl, application_name: 'rytask migrate' });
  // A dropped connection must surface as a failed query, not crash the process.
  client.on('error', () => undefined);
  await client.connect();
  try {
    await acquireMigrationLock(client, { waitMs: options.lockWaitMs, log: options.log });
    try {
      const plan = planMigrations(migrations, await readHistory(client));
      const refusal = integrityError(plan);
      if (refusal) throw refusal;
      const applied: string[] = [];
      if (plan.pending.length > 0) {
        options.log(`Applying ${plan.pending.length} migration(s): ${plan.pending.map((m) => m.name).join(', ')}`);
        const { backupFile } = (await options.beforeApply?.(client, plan.pending)) ?? {};
        const context = { runId: randomUUID(), appVersion: options.appVersion, lockTimeoutMs: options.lockTimeoutMs, committed: applied, backupFile };
        for (const step of steps(plan.pending)) await applyStep(client, step, context);
      }
      await options.afterMigrations?.(client);
      return { applied, alreadyApplied: plan.applied.length };
    } finally {
      await releaseMigrationLock(client).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}
