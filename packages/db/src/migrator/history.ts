// The migration history table. The migrator owns it (it must exist before any migration runs), so
// it is created here rather than by a migration, and left out of the drizzle schema.
import type pg from 'pg';
import type { AppliedMigration } from './plan';

export const HISTORY_TABLE = 'rytask_migrations';

export const CREATE_HISTORY_TABLE = `
CREATE TABLE IF NOT EXISTS ${HISTORY_TABLE} (
  -- Not a serial: sequences ignore rollbacks, and a failed run must leave no trace at all.
  id integer PRIMARY KEY,
  name text NOT NULL UNIQUE,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  duration_ms integer NOT NULL,
  app_version text NOT NULL,
  run_id uuid NOT NULL,
  backup_file text
)`;

type Queryable = Pick<pg.ClientBase, 'query'>;

export async function readHistory(client: Queryable): Promise<AppliedMigration[]> {
  const exists = await client.query<{ table: string | null }>(
    `SELECT to_regclass('public.${HISTORY_TABLE}')::text AS table`,
  );
  if (!exists.rows[0]?.table) return [];
  const { rows } = await client.query<{
    name: string;
    checksum: string;
    applied_at: Date;
    duration_ms: number;
    app_version: string;
  }>(`SELECT name, checksum, applied_at, duration_ms, app_version FROM ${HISTORY_TABLE} ORDER BY id`);
  return rows.map((row) => ({
    name: row.name,
    checksum: row.checksum,
    appliedAt: row.applied_at,
    durationMs: row.duration_ms,
    appVersion: row.app_version,
  }));
}

export async function recordMigration(
  client: Queryable,
  row: { name: string; checksum: string; durationMs: number; appVersion: string; runId: string; backupFile?: string },
): Promise<void> {
  await client.query(
    // Numbered under the migration lock, so max + 1 cannot race.
    `INSERT INTO ${HISTORY_TABLE} (id, name, checksum, duration_ms, app_version, run_id, backup_file)
     VALUES ((SELECT coalesce(max(id), 0) + 1 FROM ${HISTORY_TABLE}), $1, $2, $3, $4, $5, $6)`,
    [row.name, row.checksum, Math.round(row.durationMs), row.appVersion, row.runId, row.backupFile ?? null],
  );
}
