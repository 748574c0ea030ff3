// Backups through the `rytask` command, and the pre-upgrade safety net of `rytask migrate`.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '@rytask/db';
import { describe, expect, it } from 'vitest';
import { RYTASK_BIN, rytask } from '../../../test/support/cli';
import { snapshot, withClient, type TestDatabase, useTestDatabases } from '../../../test/support/db';
import { COMMITTED, LATEST, MigrationsDir } from '../../../test/support/migrations';
import { preUpgradeBackup } from './commands/backup';
import { readConfig } from './config';

const { database } = useTestDatabases();

const sql = (db: TestDatabase, text: string) => withClient(db.url, async (c) => (await c.query(text)).rows);
const backupDir = () => mkdtempSync(join(tmpdir(), 'rytask-cli-backups-'));

describe('rytask backup / verify / restore', () => {
  it('backs up, verifies, refuses a non-empty target without --force and restores with it', async () => {
    const source = await database();
    await sql(source, `INSERT INTO organizations (name, slug) VALUES ('Source Org', 'source')`);
    const dir = backupDir();
    const backup = await rytask(['backup'], { DATABASE_URL: source.url, RYTASK_BACKUP_DIR: dir });
    expect(backup.code, backup.output).toBe(0);
    const [file] = readdirSync(dir);
    expect(backup.stdout).toContain(`Backup written: ${join(dir, file!)}`);

    const verify = await rytask(['verify', join(dir, file!)], { DATABASE_URL: source.url });
    expect(verify.code, verify.output).toBe(0);
    expect(verify.stdout).toContain('restores cleanly');

    const target = await database();
    await sql(target, `INSERT INTO organizations (name, slug) VALUES ('Target Org', 'target')`);
    const refused = await rytask(['restore', join(dir, file!)], { DATABASE_URL: target.url });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--force');
    const restored = await rytask(['restore', join(dir, file!), '--force'], { DATABASE_URL: target.url });
    expect(restored.code, restored.output).toBe(0);
    expect(await sql(target, 'SELECT name FROM organizations')).toEqual([{ name: 'Source Org' }]);
  });

  it('leaves the database as it was when the restore process is killed part-way', async () => {
    const source = await database();
    await sql(source, `INSERT INTO organizations (id, name, slug) VALUES ('00000000-0000-0000-0000-0000000000a1', 'Big', 'big')`);
    await sql(source, `INSERT INTO users (email, name, password_hash) SELECT 'u' || g || '@x.test', repeat('n', 200), 'h' FROM generate_series(1, 150000) g`);
    const dir = backupDir();
    expect((await rytask(['backup'], { DATABASE_URL: source.url, RYTASK_BACKUP_DIR: dir })).code).toBe(0);
    const target = await database();
    await sql(target, `INSERT INTO organizations (name, slug) VALUES ('Precious', 'precious')`);
    const before = await snapshot(target.url);

    const child = spawn(process.execPath, [RYTASK_BIN, 'restore', '--force', join(dir, readdirSync(dir)[0]!)], {
      env: { PATH: process.env.PATH, DATABASE_URL: target.url },
      stdio: 'ignore',
    });
    // Kill it once it is loading rows inside its transaction.
    for (let i = 0; i < 600; i++) {
      const loading = await withClient(target.url, async (c) =>
        (await c.query(`SELECT 1 FROM pg_stat_activity WHERE application_name = 'rytask restore' AND query LIKE 'COPY%'`)).rowCount,
      );
      if (loading) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    for (let i = 0; i < 100; i++) {
      const gone = await withClient(target.url, async (c) => (await c.query(`SELECT 1 FROM pg_stat_activity WHERE application_name = 'rytask restore'`)).rowCount === 0);
      if (gone) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await snapshot(target.url)).toEqual(before);
  });

  it('rehearses pending migrations on a scratch copy of the latest backup, leaving the real database alone', async () => {
    const dir = backupDir();
    const none = await rytask(['migrate', '--rehearse'], { DATABASE_URL: (await database('empty')).url, RYTASK_BACKUP_DIR: dir });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('No backup in');

    const old = await database('empty'); // a backup taken before any migration: every committed one is pending
    expect((await rytask(['backup'], { DATABASE_URL: old.url, RYTASK_BACKUP_DIR: dir })).code).toBe(0);
    const before = await snapshot(old.url);
    const rehearsal = await rytask(['migrate', '--rehearse'], { DATABASE_URL: old.url, RYTASK_BACKUP_DIR: dir });
    expect(rehearsal.code, rehearsal.output).toBe(0);
    expect(rehearsal.stdout).toContain(
      `Rehearsal succeeded: ${COMMITTED.length} pending migration(s) applied cleanly on the backup's data (${COMMITTED.join(', ')})`,
    );
    expect(await snapshot(old.url)).toEqual(before);
  });
});

describe('pre-upgrade backup', () => {
  const run = (db: TestDatabase, dir: MigrationsDir, env: Record<string, string>) =>
    migrate({
      databaseUrl: db.url,
      appVersion: '1.1.0',
      migrationsDir: dir.path,
      lockWaitMs: 5000,
      lockTimeoutMs: 5000,
      log: () => undefined,
      beforeApply: preUpgradeBackup(readConfig({ DATABASE_URL: db.url, ...env })),
    });

  it('backs up a database holding data before applying pending migrations and records the file in the run', async () => {
    const db = await database();
    await sql(db, `INSERT INTO organizations (name, slug) VALUES ('Data', 'data')`);
    const dir = new MigrationsDir();
    const extra = dir.add('extra', ['CREATE TABLE extra (id int)']);
    const more = dir.add('more', ['CREATE TABLE more (id int)']);
    const backups = backupDir();
    await run(db, dir, { RYTASK_BACKUP_DIR: backups });
    const [file] = readdirSync(backups);
    expect(file).toMatch(new RegExp(`^rytask-.*-${LATEST}\\.tar\\.gz$`));
    expect(await sql(db, 'SELECT name, backup_file FROM rytask_migrations ORDER BY id')).toEqual([
      ...COMMITTED.map((name) => ({ name, backup_file: null })),
      { name: extra, backup_file: file },
      { name: more, backup_file: file },
    ]);
  });

  it('refuses to upgrade when the backup cannot be written, applying nothing', async () => {
    const db = await database();
    await sql(db, `INSERT INTO organizations (name, slug) VALUES ('Data', 'data')`);
    const dir = new MigrationsDir();
    dir.add('extra', ['CREATE TABLE extra (id int)']);
    const blocker = join(backupDir(), 'a-file');
    writeFileSync(blocker, '');
    const before = await snapshot(db.url);
    await expect(run(db, dir, { RYTASK_BACKUP_DIR: join(blocker, 'backups') })).rejects.toThrow('Refusing to upgrade');
    expect(await snapshot(db.url)).toEqual(before);
  });

  it('can be turned off, and skips databases without data', async () => {
    const db = await database();
    await sql(db, `INSERT INTO organizations (name, slug) VALUES ('Data', 'data')`);
    const dir = new MigrationsDir();
    dir.add('extra', ['CREATE TABLE extra (id int)']);
    const backups = backupDir();
    await run(db, dir, { RYTASK_BACKUP_DIR: backups, RYTASK_BACKUP_BEFORE_MIGRATE: 'false' });
    const fresh = await database('empty');
    await run(fresh, dir, { RYTASK_BACKUP_DIR: backups });
    expect(readdirSync(backups)).toEqual([]);
  });
});
