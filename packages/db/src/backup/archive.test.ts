// The archive format across writers: backups are concatenated gzip members (see archive.ts), and
// must stay readable by standard tar, while files written by earlier versions (one gzip stream,
// written by node-tar) keep restoring.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create as createTar } from 'tar';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, snapshot, withClient, type TestDatabase } from '../../../../test/support/db';
import { END_OF_ARCHIVE, entryHeader, entryPadding, gzipMember, readSeal, sealingMember } from './archive';
import { createBackup } from './create-backup';
import { BackupError, MANIFEST_FILE } from './manifest';
import { openBackup, verifyBackup } from './open-backup';
import { restoreBackup } from './restore';

const databases: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(databases.splice(0).map((db) => db.drop()));
});

async function database(kind: 'migrated' | 'empty') {
  const db = await createTestDatabase(kind);
  databases.push(db);
  return db;
}

const scratch = () => mkdtempSync(join(tmpdir(), 'rytask-archive-'));

async function sourceWithBackup() {
  const source = await database('migrated');
  await withClient(source.url, (c) =>
    c.query(`INSERT INTO users (email, name, password_hash) SELECT 'u' || g || '@x.test', E'tab\\there', 'h' FROM generate_series(1, 2000) g`),
  );
  const { file, manifest } = await createBackup(source.url, { outDir: scratch(), appVersion: '1.0.0' });
  return { source, file, manifest };
}

const restore = (url: string, file: string) =>
  restoreBackup({ databaseUrl: url, file, appVersion: '1.0.0', force: false, lockWaitMs: 5_000, log: () => undefined });

let hasTar = true;
try {
  execFileSync('tar', ['--version'], { stdio: 'ignore' });
} catch {
  hasTar = false;
}

describe('backup archives', () => {
  it.skipIf(!hasTar)('are read by standard tar: manifest.json first, then one file per table, checksums matching', async () => {
    const { file, manifest } = await sourceWithBackup();
    expect(execFileSync('tar', ['-tzf', file], { encoding: 'utf8' }).trim().split('\n')).toEqual([MANIFEST_FILE, ...manifest.tables.map((t) => t.file)]);
    const dir = scratch();
    execFileSync('tar', ['-xzf', file, '-C', dir]);
    const users = manifest.tables.find((t) => t.name === 'users')!;
    expect(execFileSync('sha256sum', [join(dir, users.file)], { encoding: 'utf8' }).split(' ')[0]).toBe(users.sha256);
  });

  it('restores a backup written as one gzip stream, as earlier versions wrote them', async () => {
    const { source, file, manifest } = await sourceWithBackup();
    const opened = await openBackup(file);
    const repacked = join(scratch(), `rytask-20260101T000000000Z-${manifest.migrations.at(-1)!.name}.tar.gz`);
    try {
      await createTar({ gzip: true, file: repacked, cwd: opened.dir, portable: true }, [MANIFEST_FILE, ...manifest.tables.map((t) => t.file)]);
    } finally {
      opened.close();
    }
    const target = await database('empty');
    await restore(target.url, repacked);
    expect(await snapshot(target.url)).toEqual(await snapshot(source.url));
  });

  it('refuses an archive holding a table file twice, before touching the database', async () => {
    const { file, manifest } = await sourceWithBackup();
    const opened = await openBackup(file);
    const users = manifest.tables.find((t) => t.name === 'users')!;
    const data = readFileSync(join(opened.dir, users.file));
    const json = readFileSync(join(opened.dir, MANIFEST_FILE));
    opened.close();
    const mtime = new Date();
    const doubled = join(scratch(), 'doubled.tar.gz');
    writeFileSync(
      doubled,
      gzipMember([
        entryHeader(MANIFEST_FILE, json.length, mtime), json, entryPadding(json.length),
        entryHeader(users.file, data.length, mtime), data, entryPadding(data.length),
        entryHeader(users.file, data.length, mtime), data, entryPadding(data.length),
        END_OF_ARCHIVE,
      ]),
    );
    const target = await database('empty');
    const error = await restore(target.url, doubled).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toContain('appears twice');
    expect(await withClient(target.url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`)).rows)).toEqual([{ n: 0 }]);
  });

  it.skipIf(!hasTar)('are sealed: the last member records the sha256 and length of every byte before it, and gzip and tar skip it', async () => {
    const { file } = await sourceWithBackup();
    const bytes = readFileSync(file);
    const seal = readSeal(file)!;
    expect(seal.bytes).toBeLessThan(bytes.length);
    expect(createHash('sha256').update(bytes.subarray(0, seal.bytes)).digest('hex')).toBe(seal.sha256);
    execFileSync('gzip', ['-t', file]);
    expect(execFileSync('tar', ['-tzf', file], { encoding: 'utf8' })).not.toContain('RY');
  });

  it('checks a file whose seal does not match the long way: a damaged seal still restores', async () => {
    const { source, file } = await sourceWithBackup();
    const bytes = readFileSync(file);
    const seal = readSeal(file)!;
    const at = bytes.indexOf(seal.sha256, seal.bytes);
    bytes[at] = bytes[at] === 0x61 ? 0x62 : 0x61; // one hex digit of the recorded checksum
    const damaged = join(scratch(), 'damaged-seal.tar.gz');
    writeFileSync(damaged, bytes);
    const target = await database('empty');
    await restore(target.url, damaged);
    expect(await snapshot(target.url)).toEqual(await snapshot(source.url));
  });

  it('refuses while loading a sealed file whose table differs from its manifest, leaving the database as it was', async () => {
    const { file, manifest } = await sourceWithBackup();
    const opened = await openBackup(file);
    const json = readFileSync(join(opened.dir, MANIFEST_FILE));
    const data = manifest.tables.map((t) => {
      const content = readFileSync(join(opened.dir, t.file));
      // Same size and row count, other content: a writer bug the seal cannot see.
      return t.name === 'users' ? Buffer.from(content.toString('latin1').replaceAll('here', 'HERE'), 'latin1') : content;
    });
    opened.close();
    const mtime = new Date();
    const members = [gzipMember([entryHeader(MANIFEST_FILE, json.length, mtime), json, entryPadding(json.length)])];
    manifest.tables.forEach((t, i) => members.push(gzipMember([entryHeader(t.file, data[i]!.length, mtime), data[i]!, entryPadding(data[i]!.length)])));
    const body = Buffer.concat(members);
    const sealed = join(scratch(), `rytask-20260101T000000000Z-${manifest.migrations.at(-1)!.name}.tar.gz`);
    writeFileSync(sealed, Buffer.concat([body, sealingMember([END_OF_ARCHIVE], { sha256: createHash('sha256').update(body).digest('hex'), bytes: body.length, manifestBytes: members[0]!.length })]));
    await expect(verifyBackup(sealed, { bySeal: true })).resolves.toMatchObject({ tables: manifest.tables });
    const target = await database('empty');
    const error = await restore(target.url, sealed).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toContain('Table users did not load identically');
    expect(await withClient(target.url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`)).rows)).toEqual([{ n: 0 }]);
  });
});
