import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestDatabases, withClient } from '../../../../test/support/db';
import { COMMITTED, MigrationsDir } from '../../../../test/support/migrations';
import { createBackup } from './create-backup';
import { restoreBackup } from './restore';

const { database } = useTestDatabases();

describe('restore for a rollback', () => {
  it('with upgrade off, leaves the database exactly at the backup’s version even on newer code', async () => {
    const source = await database('migrated');
    await withClient(source.url, (c) => c.query(`INSERT INTO organizations (name, slug) VALUES ('Before upgrade', 'before')`));
    const { file } = await createBackup(source.url, { outDir: mkdtempSync(join(tmpdir(), 'rytask-rollback-')), appVersion: '1.0.0' });
    const newer = new MigrationsDir();
    const releaseTwo = newer.add('release_two', ['ALTER TABLE organizations ADD COLUMN motto text']);
    const target = await database('migrated');
    const result = await restoreBackup({
      databaseUrl: target.url, file, appVersion: '2.0.0', force: true, upgrade: false, lockWaitMs: 5000, migrationsDir: newer.path, log: () => undefined,
    });
    expect(result).toMatchObject({ upgraded: [], behind: [releaseTwo] });
    const state = await withClient(target.url, async (c) => ({
      history: (await c.query('SELECT name FROM rytask_migrations ORDER BY id')).rows.map((r) => r.name),
      motto: (await c.query(`SELECT to_regclass('organizations') IS NOT NULL AS t, EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'organizations' AND column_name = 'motto') AS c`)).rows[0].c,
      orgs: (await c.query('SELECT name FROM organizations')).rows.map((r) => r.name),
    }));
    expect(state).toEqual({ history: [...COMMITTED], motto: false, orgs: ['Before upgrade'] });
  });
});
