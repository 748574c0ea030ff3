// One migration run at a time, across processes and machines: a PostgreSQL session advisory lock.
import type pg from 'pg';
import { MigrationError } from './errors';

/** Arbitrary but fixed: "rytask" squeezed into 31 bits. Below 2^31 so pg_locks shows it in objid. */
export const MIGRATION_LOCK_KEY = 0x72797461;
const POLL_MS = 200;

async function holderPid(client: pg.ClientBase): Promise<number | null> {
  const { rows } = await client.query<{ pid: number }>(
    `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = 0 AND objid = $1 AND granted LIMIT 1`,
    [MIGRATION_LOCK_KEY],
  );
  return rows[0]?.pid ?? null;
}

export async function acquireMigrationLock(
  client: pg.ClientBase,
  options: { waitMs: number; log: (line: string) => void },
): Promise<void> {
  const started = Date.now();
  let announced = false;
  for (;;) {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
      MIGRATION_LOCK_KEY,
    ]);
    if (rows[0]?.locked) return;
    const pid = await holderPid(client);
    if (!announced) {
      options.log(
        `Waiting for another migration run to finish (PostgreSQL backend pid ${pid ?? 'unknown'}); ` +
          `giving up after ${Math.round(options.waitMs / 1000)} s…`,
      );
      announced = true;
    }
    if (Date.now() - started >= options.waitMs) {
      throw new MigrationError(
        'lock_wait_timeout',
        `Gave up after ${Math.round(options.waitMs / 1000)} s waiting for another migration run ` +
          `(PostgreSQL backend pid ${pid ?? 'unknown'}) to finish. Nothing was changed. If no other ` +
          '`rytask migrate` is running, inspect that session with ' +
          `\`SELECT * FROM pg_stat_activity WHERE pid = ${pid ?? '<pid>'}\`; to wait longer, raise ` +
          'RYTASK_MIGRATE_LOCK_WAIT_SECONDS.',
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

export async function releaseMigrationLock(client: pg.ClientBase): Promise<void> {
  await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
}
