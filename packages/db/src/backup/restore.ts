// `rytask restore FILE`: verify the file, then — in ONE transaction, so a failure or a killed
// process at any moment leaves the database exactly as it was — recreate the schema at the backup's
// migration, load and verify the rows, reset sequences, and apply the migrations that are newer
// than the backup. Other sessions keep seeing the old data until the commit.
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { MigrationError } from '../migrator/errors';
import { CREATE_HISTORY_TABLE, recordMigration } from '../migrator/history';
import { loadMigrations, type Migration } from '../migrator/journal';
import { acquireMigrationLock, releaseMigrationLock } from '../migrator/lock';
import { failure, runStatements } from '../migrator/migrate';
import { BackupError, type Manifest } from './manifest';
import { readArchive } from './archive';
import { verifyBackup } from './open-backup';
import { CopyDigest, copyInQuery, foreignKeys, ident, listTables, rebuildableIndexes, STABLE_SESSION, tablesWithData } from './tables';

export interface RestoreOptions {
  databaseUrl: string;
  file: string;
  appVersion: string;
  force: boolean;
  lockWaitMs: number;
  /**
   * Apply the migrations newer than the backup after loading (default). Off for a rollback: the
   * database stays exactly at the backup's version, for the previous code to run on.
   */
  upgrade?: boolean;
  migrationsDir?: string;
  log: (line: string) => void;
}

export interface RestoreResult {
  manifest: Manifest;
  /** Migrations newer than the backup, not applied (restore with `upgrade: false`). */
  behind: string[];
  /** Migrations newer than the backup, applied after loading. */
  upgraded: string[];
  tables: number;
  rows: number;
  durationMs: number;
}

/** Which of the code's migrations the backup was at; refuses a backup newer than the code. */
export function splitMigrations(manifest: Manifest, migrations: Migration[], appVersion: string) {
  const known = new Map(migrations.map((m, i) => [m.name, { m, i }]));
  const unknown = manifest.migrations.filter((m) => !known.has(m.name)).map((m) => m.name);
  if (unknown.length > 0) {
    throw new BackupError(
      `This backup is from a newer version of RyTask (${manifest.appVersion}) than this code (${appVersion}): ` +
        `it contains migration(s) this version does not know: ${unknown.join(', ')}. Check out RyTask ` +
        `${manifest.appVersion} or newer to restore it. Nothing was changed.`,
    );
  }
  manifest.migrations.forEach((entry, i) => {
    const code = migrations[i];
    if (code?.name !== entry.name) {
      throw new BackupError(`The backup's migration history is out of order with this code at ${entry.name}. Nothing was changed.`);
    }
    if (code.checksum !== entry.checksum) {
      throw new BackupError(
        `Migration ${entry.name} differs between the backup (${entry.checksum}) and this code (${code.checksum}). ` +
          'Restore with the RyTask version that made the backup. Nothing was changed.',
      );
    }
  });
  return { atBackup: migrations.slice(0, manifest.migrations.length), newer: migrations.slice(manifest.migrations.length) };
}

// Inside the restore transaction everything is blocking anyway (api and worker are stopped), and
// CONCURRENTLY is not allowed in a transaction.
const withoutConcurrently = (statement: string) => statement.replace(/\bCONCURRENTLY\b/gi, '');

/** Loads every table of the (verified) file, streaming it a second time, and checks every table against the manifest. */
async function loadTables(client: pg.ClientBase, manifest: Manifest, file: string, log: (line: string) => void): Promise<number> {
  const present = new Map((await listTables(client)).map((t) => [t.name, t]));
  for (const table of manifest.tables) {
    const live = present.get(table.name);
    if (!live || live.columns.join(',') !== table.columns.join(',')) {
      throw new BackupError(`Table ${table.name} in the backup does not match the schema its migrations create. Nothing was changed.`);
    }
  }
  const fks = await foreignKeys(client);
  // Rows load in any order: foreign keys come back (and are checked) once every table is loaded.
  for (const fk of fks) await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${ident(fk.name)}`);
  // Indexes (primary keys and unique constraints included) are built once after loading rather than
  // maintained row by row during it — several times faster, and what pg_restore does too. They are
  // recreated from their own definitions, and uniqueness is checked when they are built.
  const indexes = await rebuildableIndexes(client);
  for (const index of indexes) {
    await client.query(index.constraint ? `ALTER TABLE ${index.table} DROP CONSTRAINT ${ident(index.name)}` : `DROP INDEX ${ident(index.name)}`);
  }
  for (const table of manifest.tables) await client.query(`TRUNCATE ${ident(table.name)}`);
  const byFile = new Map(manifest.tables.map((t) => [t.file, t]));
  const loaded = new Set<string>();
  // Straight from the archive into COPY: no unpacked copy on disk.
  await readArchive(file, async (entry) => {
    const table = byFile.get(entry.path);
    if (!table) return;
    if (loaded.has(table.name)) throw new BackupError(`${entry.path} appears twice in the backup. Nothing was changed.`);
    loaded.add(table.name);
    // What goes into COPY is hashed on the way, and PostgreSQL reports how many rows it stored: both
    // must equal the manifest. (Should the file have changed since it was verified, this refuses it.)
    const digest = new CopyDigest();
    const copy = client.query(copyFrom(copyInQuery(table)));
    await pipeline(entry, digest, copy);
    if (copy.rowCount !== table.rows || digest.rows !== table.rows || digest.digest() !== table.sha256) {
      throw new BackupError(`Table ${table.name} did not load identically (${copy.rowCount} of ${table.rows} rows). Nothing was changed.`);
    }
    log(`  loaded ${table.name} (${table.rows} rows) [${loaded.size}/${manifest.tables.length}]`);
  });
  const missing = manifest.tables.filter((t) => !loaded.has(t.name)).map((t) => t.name);
  if (missing.length > 0) throw new BackupError(`The backup changed while it was restored: ${missing.join(', ')} missing. Nothing was changed.`);
  for (const index of indexes) {
    await client.query(index.constraint ? `ALTER TABLE ${index.table} ADD CONSTRAINT ${ident(index.name)} ${index.definition}` : index.definition);
  }
  for (const fk of fks) await client.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${ident(fk.name)} ${fk.definition}`);
  for (const sequence of manifest.sequences) {
    await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [ident(sequence.name), sequence.lastValue, sequence.isCalled]);
  }
  return totalRows(manifest);
}

const totalRows = (manifest: Manifest) => manifest.tables.reduce((sum, t) => sum + t.rows, 0);

export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const started = performance.now();
  const migrations = loadMigrations(options.migrationsDir);
  // Pass one: the whole file is verified before the database is touched (by its seal when it has one:
  // the load below hashes every table again, so an inflating pass here would only repeat that).
  const manifest = await verifyBackup(options.file, { bySeal: true });
  const { atBackup, newer } = splitMigrations(manifest, migrations, options.appVersion);
  const client = new pg.Client({ connectionString: options.databaseUrl, application_name: 'rytask restore' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await acquireMigrationLock(client, { waitMs: options.lockWaitMs, log: options.log });
    const occupied = await tablesWithData(client);
    if (occupied.length > 0 && !options.force) {
      throw new BackupError(
        `The target database is not empty (data in ${occupied.length} table(s): ${occupied.slice(0, 5).join(', ')}). ` +
          'Restoring replaces everything in it. Run again with --force to do that: the current data stays ' +
          'untouched until the backup has been loaded and verified.',
      );
    }
    await client.query('BEGIN');
    try {
      for (const statement of STABLE_SESSION) await client.query(statement.replace(/^SET /, 'SET LOCAL '));
      await client.query('DROP SCHEMA IF EXISTS public CASCADE');
      await client.query('CREATE SCHEMA public');
      await client.query(CREATE_HISTORY_TABLE);
      options.log(`Recreating the schema at ${atBackup.at(-1)?.name ?? 'an empty database'} …`);
      for (const m of atBackup) {
        await runStatements(client, m, (statement, error) => failure(m, statement, error, [], 0), withoutConcurrently);
      }
      const rows = await loadTables(client, manifest, options.file, options.log);
      const runId = randomUUID();
      for (const m of options.upgrade === false ? [] : newer) {
        options.log(`Applying newer migration ${m.name} …`);
        const t0 = performance.now();
        await runStatements(client, m, (statement, error) => failure(m, statement, error, [], 0), withoutConcurrently);
        await recordMigration(client, { name: m.name, checksum: m.checksum, durationMs: performance.now() - t0, appVersion: options.appVersion, runId });
      }
      await client.query('COMMIT');
      return {
        manifest,
        upgraded: options.upgrade === false ? [] : newer.map((m) => m.name),
        behind: options.upgrade === false ? newer.map((m) => m.name) : [],
        tables: manifest.tables.length,
        rows,
        durationMs: Math.round(performance.now() - started),
      };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      if (error instanceof BackupError || error instanceof MigrationError) throw error;
      throw new BackupError(`Restore failed: ${(error as Error).message}. The database was left as it was.`, { cause: error });
    } finally {
      await releaseMigrationLock(client).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}
