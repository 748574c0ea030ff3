import { copyFileSync, mkdtempSync, readdirSync, readFileSync, truncateSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, snapshot, withClient, type TestDatabase } from '../../../../test/support/db';
import { COMMITTED, LATEST, MigrationsDir } from '../../../../test/support/migrations';
import { migrate } from '../migrator/migrate';
import { BackupError } from './manifest';
import { createBackup } from './create-backup';
import { openBackup, verifyBackup } from './open-backup';
import { restoreBackup, type RestoreOptions } from './restore';
import { pruneBackups } from './retention';

// verifyBackup as restore calls it, unchanged unless a test says otherwise (to act between the
// verification pass and the load).
vi.mock('./open-backup', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./open-backup')>();
  return { ...actual, verifyBackup: vi.fn(actual.verifyBackup) };
});

const databases: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(databases.splice(0).map((db) => db.drop()));
});

async function database(kind: 'migrated' | 'empty' = 'migrated') {
  const db = await createTestDatabase(kind);
  databases.push(db);
  return db;
}

const sql = (db: TestDatabase, text: string) => withClient(db.url, async (c) => (await c.query(text)).rows);
const outDir = () => mkdtempSync(join(tmpdir(), 'rytask-backups-'));

async function withData(db: TestDatabase) {
  await sql(db, `INSERT INTO organizations (id, name, slug) VALUES ('00000000-0000-0000-0000-0000000000a1', 'Tab\tand "quotes"\nnewline', 'acme')`);
  await sql(db, `INSERT INTO users (email, name, password_hash, deactivated_at)
                 SELECT 'u' || g || '@x.test', 'User ' || g || ' \\ backslash', 'h', CASE WHEN g % 2 = 0 THEN now() END FROM generate_series(1, 500) g`);
  await sql(db, `INSERT INTO memberships (organization_id, user_id, role) SELECT '00000000-0000-0000-0000-0000000000a1', id, 'MEMBER' FROM users`);
}

const restore = (db: TestDatabase, file: string, extra: Partial<RestoreOptions> = {}) =>
  restoreBackup({ databaseUrl: db.url, file, appVersion: '1.0.0', force: false, lockWaitMs: 5_000, log: () => undefined, ...extra });

async function expectBackupError(promise: Promise<unknown>, text: string) {
  const error = await promise.then(() => expect.fail('expected a BackupError'), (e: unknown) => e);
  expect(error).toBeInstanceOf(BackupError);
  expect((error as Error).message).toContain(text);
}

describe('backup and restore', () => {
  it('writes one file named after the time and last migration, with a complete manifest', async () => {
    const source = await database();
    await withData(source);
    const dir = outDir();
    const { file, manifest } = await createBackup(source.url, { outDir: dir, appVersion: '1.0.0' });
    expect(readdirSync(dir)).toEqual([basename(file)]);
    expect(basename(file)).toMatch(new RegExp(`^rytask-\\d{8}T\\d{9}Z-${LATEST}\\.tar\\.gz$`));
    expect(manifest).toMatchObject({ format: 'rytask-backup', appVersion: '1.0.0', migrations: COMMITTED.map((name) => ({ name })) });
    expect(manifest.postgresVersion).toMatch(/^PostgreSQL \d+/);
    expect(manifest.durationMs).toBeGreaterThanOrEqual(0);
    expect(Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows]))).toMatchObject({ users: 500, memberships: 500, organizations: 1, rytask_migrations: COMMITTED.length });
  });

  it('restores into an empty database exactly: schema, every row, the migration history', async () => {
    const source = await database();
    await withData(source);
    const { file } = await createBackup(source.url, { outDir: outDir(), appVersion: '1.0.0' });
    const target = await database('empty');
    const result = await restore(target, file);
    expect(result.rows).toBeGreaterThan(1000);
    expect(await snapshot(target.url)).toEqual(await snapshot(source.url));
  });

  it('refuses a non-empty target without --force, and with --force replaces it', async () => {
    const source = await database();
    await withData(source);
    const { file } = await createBackup(source.url, { outDir: outDir(), appVersion: '1.0.0' });
    const target = await database();
    await sql(target, `INSERT INTO organizations (name, slug) VALUES ('Other', 'other')`);
    const before = await snapshot(target.url);
    await expectBackupError(restore(target, file), 'not empty');
    expect(await snapshot(target.url)).toEqual(before);
    await restore(target, file, { force: true });
    expect(await snapshot(target.url)).toEqual(await snapshot(source.url));
  });

  it('refuses corrupt and truncated files before touching the database', async () => {
    const source = await database();
    await withData(source);
    const { file } = await createBackup(source.url, { outDir: outDir(), appVersion: '1.0.0' });
    const target = await database();
    await sql(target, `INSERT INTO organizations (name, slug) VALUES ('Keep', 'keep')`);
    const before = await snapshot(target.url);

    const corrupt = join(outDir(), 'corrupt.tar.gz');
    const bytes = readFileSync(file);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = bytes[middle]! ^ 0xff;
    writeFileSync(corrupt, bytes);
    await expectBackupError(restore(target, corrupt, { force: true }), 'not a usable RyTask backup');

    const truncated = join(outDir(), 'truncated.tar.gz');
    writeFileSync(truncated, readFileSync(file));
    truncateSync(truncated, Math.floor(statSync(file).size * 0.6));
    await expectBackupError(restore(target, truncated, { force: true }), 'not a usable RyTask backup');

    const garbage = join(outDir(), 'garbage.tar.gz');
    writeFileSync(garbage, 'this is not a backup');
    await expectBackupError(restore(target, garbage, { force: true }), 'not a usable RyTask backup');
    expect(await snapshot(target.url)).toEqual(before);
  });

  it('refuses, while loading, a file replaced after it was verified, leaving the database as it was', async () => {
    const source = await database();
    await withData(source);
    const { file, manifest } = await createBackup(source.url, { outDir: outDir(), appVersion: '1.0.0' });
    // Another valid backup of the same schema: the same number of rows in every table, but other rows.
    await sql(source, `UPDATE users SET name = 'Someone else'`);
    const { file: other, manifest: otherManifest } = await createBackup(source.url, { outDir: outDir(), appVersion: '1.0.0' });
    const shape = (m: typeof manifest) => m.tables.map((t) => [t.name, t.columns, t.rows]);
    expect(shape(otherManifest)).toEqual(shape(manifest));
    expect(otherManifest.tables.filter((t, i) => t.sha256 !== manifest.tables[i]!.sha256).map((t) => t.name)).toEqual(['users']);

    const target = await database();
    await sql(target, `INSERT INTO organizations (name, slug) VALUES ('Keep', 'keep')`);
    const before = await snapshot(target.url);
    // The file is swapped right after the verification pass has accepted it (and its manifest).
    const { verifyBackup: verifyForReal } = await vi.importActual<typeof import('./open-backup')>('./open-backup');
    vi.mocked(verifyBackup).mockClear().mockImplementationOnce(async (path, options) => {
      const verified = await verifyForReal(path, options);
      copyFileSync(other, path);
      return verified;
    });
    const log: string[] = [];
    await expectBackupError(restore(target, file, { force: true, log: (line) => log.push(line) }), 'Table users did not load identically (500 of 500 rows). Nothing was changed.');
    expect(vi.mocked(verifyBackup)).toHaveBeenCalledTimes(1);
    expect(readFileSync(file).equals(readFileSync(other))).toBe(true);
    // Refused by the in-load checksum: the row counts matched (PostgreSQL took 500 rows from the new file).
    expect(log.join('\n')).not.toContain('loaded users');
    expect(await snapshot(target.url)).toEqual(before);

    // The new file is a good backup in its own right: verified before loading, it restores.
    await restore(target, file, { force: true });
    expect(await sql(target, `SELECT DISTINCT name FROM users`)).toEqual([{ name: 'Someone else' }]);
  });

  it('leaves no file that looks complete when a backup fails', async () => {
    const source = await database();
    const blocked = join(outDir(), 'not-a-directory');
    writeFileSync(blocked, '');
    await expectBackupError(createBackup(source.url, { outDir: join(blocked, 'sub'), appVersion: '1' }), 'No backup file was written');
    const dir = outDir();
    await source.drop(); // the database vanishes: the dump fails
    await expectBackupError(createBackup(source.url, { outDir: dir, appVersion: '1' }), 'No backup file was written');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('restores an older backup on newer code: schema at the backup, load, then the newer migrations', async () => {
    const source = await database();
    await withData(source);
    const { file } = await createBackup(source.url, { outDir: outDir(), appVersion: '0.9.0' });
    const dir = new MigrationsDir();
    const nickname = dir.add('nickname', [`ALTER TABLE users ADD COLUMN nickname text NOT NULL DEFAULT 'friend'`]);
    const target = await database('empty');
    const result = await restore(target, file, { migrationsDir: dir.path });
    expect(result.upgraded).toEqual([nickname]);
    expect(await sql(target, `SELECT count(*)::int AS n FROM users WHERE nickname = 'friend'`)).toEqual([{ n: 500 }]);
    expect((await sql(target, 'SELECT name FROM rytask_migrations ORDER BY id')).map((r) => r.name)).toEqual([...COMMITTED, nickname]);
  });

  it('refuses a backup from a newer version, naming both versions', async () => {
    const dir = new MigrationsDir();
    dir.add('future', ['CREATE TABLE future (id int)']);
    const source = await database('empty');
    await migrate({ databaseUrl: source.url, appVersion: '2.0.0', migrationsDir: dir.path, lockWaitMs: 5000, lockTimeoutMs: 5000, log: () => undefined });
    const { file } = await createBackup(source.url, { outDir: outDir(), appVersion: '2.0.0' });
    const target = await database('empty');
    await expectBackupError(restore(target, file, { appVersion: '1.0.0' }), 'newer version of RyTask (2.0.0) than this code (1.0.0)');
  });

  it('resets sequences so new rows do not collide with restored ones', async () => {
    const dir = new MigrationsDir();
    dir.add('counters', ['CREATE TABLE counters (id serial PRIMARY KEY, label text)']);
    const source = await database('empty');
    await migrate({ databaseUrl: source.url, appVersion: '1', migrationsDir: dir.path, lockWaitMs: 5000, lockTimeoutMs: 5000, log: () => undefined });
    await sql(source, `INSERT INTO counters (label) SELECT 'c' FROM generate_series(1, 42)`);
    const { file } = await createBackup(source.url, { outDir: outDir(), appVersion: '1' });
    const target = await database('empty');
    await restore(target, file, { migrationsDir: dir.path });
    expect(await sql(target, `INSERT INTO counters (label) VALUES ('new') RETURNING id`)).toEqual([{ id: 43 }]);
  });

  it('reads back with tar and the manifest alone (the emergency path)', async () => {
    const source = await database();
    await withData(source);
    const { file } = await createBackup(source.url, { outDir: outDir(), appVersion: '1.0.0' });
    const opened = await openBackup(file);
    try {
      const users = readFileSync(join(opened.dir, 'data/users.copy'), 'utf8');
      expect(users.split('\n').filter(Boolean)).toHaveLength(500);
      expect(users).toContain('User 1 \\\\ backslash');
    } finally {
      opened.close();
    }
  });
});

describe('retention', () => {
  it('keeps the newest N backups and never touches files RyTask did not write', () => {
    const dir = outDir();
    const names = ['rytask-20260101T000000000Z-0000_init.tar.gz', 'rytask-20260102T000000000Z-0000_init.tar.gz', 'rytask-20260103T000000000Z-0001_x.tar.gz'];
    for (const name of [...names, 'my-own-dump.sql', 'rytask-notes.txt', '.rytask-20260104T000000000Z-0000_init.tar.gz.partial-1']) {
      writeFileSync(join(dir, name), '');
    }
    expect(pruneBackups(dir, 2).map((f) => basename(f))).toEqual([names[0]]);
    expect(pruneBackups(dir, 0).map((f) => basename(f))).toEqual([names[1]]); // the newest always stays
    expect(readdirSync(dir).sort()).toEqual(['.rytask-20260104T000000000Z-0000_init.tar.gz.partial-1', 'my-own-dump.sql', names[2], 'rytask-notes.txt'].sort());
  });
});
