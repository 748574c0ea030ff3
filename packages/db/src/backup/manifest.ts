// The RyTask backup format: a gzip'd tar holding `manifest.json` first, then one file per table in
// PostgreSQL's COPY text format (`data/<table>.copy`). Readable with tar, gunzip and psql alone.
import { z } from 'zod';

export const BACKUP_FORMAT = 'rytask-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_EXTENSION = '.tar.gz';
export const MANIFEST_FILE = 'manifest.json';

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: z.string(),
  appVersion: z.string(),
  postgresVersion: z.string(),
  durationMs: z.number(),
  /** The database's full migration history at the time of the backup, in order. */
  migrations: z.array(z.object({ name: z.string(), checksum: z.string() })),
  tables: z.array(
    z.object({
      name: z.string(),
      file: z.string().regex(/^data\/[a-z0-9_]+\.copy$/),
      columns: z.array(z.string()).min(1),
      rows: z.number().int().nonnegative(),
      /** sha256 of the table's COPY text, rows in a fixed order. */
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
  sequences: z.array(z.object({ name: z.string(), lastValue: z.string(), isCalled: z.boolean() })),
});
export type Manifest = z.infer<typeof manifestSchema>;

const NAME = /^rytask-(\d{8}T\d{6}(?:\d{3})?Z)-([a-z0-9_]+)\.tar\.gz$/;

/** `rytask-<UTC timestamp>-<last migration>.tar.gz`; sorts by time. */
export function backupFileName(at: Date, lastMigration: string | undefined): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('.', '');
  return `rytask-${stamp}-${lastMigration ?? 'empty'}${BACKUP_EXTENSION}`;
}

/** Only files with this exact shape are ever considered RyTask's own (e.g. by retention). */
export function isBackupFileName(name: string): boolean {
  return NAME.test(name);
}

export class BackupError extends Error {
  override name = 'BackupError';
}
