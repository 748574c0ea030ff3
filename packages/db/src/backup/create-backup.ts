// `rytask backup`: one consistent snapshot of the whole database in one file, written atomically.
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, fsyncSync, linkSync, mkdirSync, mkdtempSync, openSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { readHistory } from '../migrator/history';
import { END_OF_ARCHIVE, entryHeader, entryPadding, gzipMember, sealingMember, TABLE_GZIP_LEVEL } from './archive';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, backupFileName, MANIFEST_FILE, type Manifest } from './manifest';
import { copyOutQuery, CopyDigest, listSequences, listTables, STABLE_SESSION } from './tables';

export interface BackupOptions {
  outDir: string;
  appVersion: string;
  onProgress?: (event: { table: string; index: number; total: number; rows: number }) => void;
}

export interface BackupResult {
  file: string;
  manifest: Manifest;
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

interface StagedTable {
  file: string;
  /** Size of the table's COPY text, for its tar header. */
  size: number;
  /** The COPY text as one gzip member. */
  staged: string;
}

/**
 * The archive's bytes: manifest.json alone in the first member, then every table, as concatenated
 * gzip members; the last member seals the file (see archive.ts).
 */
async function* archive(manifest: Manifest, tables: StagedTable[], mtime: Date): AsyncGenerator<Buffer> {
  const hash = createHash('sha256');
  let bytes = 0;
  const sealed = (chunk: Buffer) => {
    hash.update(chunk);
    bytes += chunk.length;
    return chunk;
  };
  const json = Buffer.from(JSON.stringify(manifest, null, 2));
  const first = gzipMember([entryHeader(MANIFEST_FILE, json.length, mtime), json, entryPadding(json.length)]);
  yield sealed(first);
  let pending: Buffer[] = [];
  for (const table of tables) {
    yield sealed(gzipMember([...pending, entryHeader(table.file, table.size, mtime)]));
    for await (const chunk of createReadStream(table.staged, { highWaterMark: 1024 * 1024 })) yield sealed(chunk as Buffer);
    pending = [entryPadding(table.size)];
  }
  yield sealingMember([...pending, END_OF_ARCHIVE], { sha256: hash.digest('hex'), bytes, manifestBytes: first.length });
}

/**
 * Dumps every table of the `public` schema inside one REPEATABLE READ, READ ONLY transaction (one
 * snapshot for all tables) on the given client. The caller may hold the migration lock on it.
 */
export async function backupWithClient(client: pg.Client, options: BackupOptions): Promise<BackupResult> {
  const started = performance.now();
  const createdAt = new Date();
  let partial: string | undefined;
  let staging: string | undefined;
  try {
    mkdirSync(options.outDir, { recursive: true });
    staging = mkdtempSync(join(tmpdir(), 'rytask-backup-'));
    const staged: StagedTable[] = [];
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    let manifest: Manifest;
    try {
      for (const statement of STABLE_SESSION) await client.query(statement.replace(/^SET /, 'SET LOCAL '));
      const history = await readHistory(client);
      const tables = await listTables(client);
      const entries: Manifest['tables'] = [];
      // Rows go out in primary-key order (a fixed order: checksums and files are reproducible).
      // Sorting after a sequential scan costs a fraction of walking the primary key index, which
      // visits the heap in random order (uuid keys): measured ~0.5 s against ~2 s of server CPU per
      // million rows. With a table larger than work_mem the sort spills to temp files on the server.
      await client.query('SET LOCAL enable_indexscan = off');
      for (const [index, table] of tables.entries()) {
        const file = `data/${table.name}.copy`;
        const digest = new CopyDigest();
        // Compressed as it streams (zlib works on the thread pool, beside PostgreSQL and the hashing),
        // in large chunks: each chunk is one hand-off to the pool, and 16 KiB ones cost ~15 % more CPU.
        const stagedFile = join(staging, `${index}.gz`);
        const gzip = createGzip({ level: TABLE_GZIP_LEVEL, chunkSize: 256 * 1024 });
        await pipeline(client.query(copyTo(copyOutQuery(table))), digest, gzip, createWriteStream(stagedFile));
        staged.push({ file, size: digest.bytes, staged: stagedFile });
        entries.push({ name: table.name, file, columns: table.columns, rows: digest.rows, sha256: digest.digest() });
        options.onProgress?.({ table: table.name, index, total: tables.length, rows: digest.rows });
      }
      const version = await client.query<{ v: string }>('SELECT version() AS v');
      manifest = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        createdAt: createdAt.toISOString(),
        appVersion: options.appVersion,
        postgresVersion: version.rows[0]!.v,
        durationMs: 0,
        migrations: history.map((row) => ({ name: row.name, checksum: row.checksum })),
        tables: entries,
        sequences: await listSequences(client),
      };
    } finally {
      await client.query('COMMIT').catch(() => undefined);
    }
    manifest.durationMs = Math.round(performance.now() - started);

    const name = backupFileName(createdAt, manifest.migrations.at(-1)?.name);
    const final = join(options.outDir, name);
    // Written under a name that is never mistaken for a backup, synced, then linked into place:
    // link() fails rather than overwrite, and a crash leaves only the obviously partial file.
    partial = join(options.outDir, `.${name}.partial-${process.pid}`);
    await pipeline(archive(manifest, staged, createdAt), createWriteStream(partial));
    fsyncPath(partial);
    try {
      linkSync(partial, final);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new BackupError(`${final} already exists; RyTask never overwrites a backup. Try again in a moment.`);
      }
      throw error;
    }
    fsyncPath(options.outDir);
    return { file: final, manifest };
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const reason = (error as NodeJS.ErrnoException).code === 'EACCES'
      ? `cannot write to ${options.outDir} (permission denied)`
      : (error as Error).message;
    throw new BackupError(`Backup failed: ${reason}. No backup file was written.`, { cause: error });
  } finally {
    if (partial) {
      try {
        unlinkSync(partial);
      } catch {
        // already gone
      }
    }
    if (staging) rmSync(staging, { recursive: true, force: true });
  }
}

export async function createBackup(databaseUrl: string, options: BackupOptions): Promise<BackupResult> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'rytask backup' });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(`Backup failed: cannot connect to the database (${(error as Error).message}). No backup file was written.`);
  }
  try {
    return await backupWithClient(client, options);
  } finally {
    await client.end().catch(() => undefined);
  }
}
