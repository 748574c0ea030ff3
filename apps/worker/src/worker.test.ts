import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase } from '@rytask/db';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, withClient, type TestDatabase } from '../../../test/support/db';
import { purgeExpiredSessionsJob } from './jobs/purge-expired-sessions.job';
import { enqueueJob, heartbeatAgeMs, startWorker } from './index';

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function migratedDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase('migrated');
  cleanup.push(() => db.drop());
  return db;
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('condition never became true');
}

describe('worker', () => {
  it('purges expired sessions (and only those) when the job runs, and writes its heartbeat', async () => {
    const db = await migratedDatabase();
    await withClient(db.url, async (c) => {
      await c.query(`INSERT INTO organizations (id, name, slug) VALUES ('00000000-0000-0000-0000-000000000001', 'O', 'o')`);
      await c.query(`INSERT INTO users (id, email, name, password_hash) VALUES ('00000000-0000-0000-0000-000000000002', 'a@b.c', 'a', 'x')`);
      await c.query(`INSERT INTO sessions (token_hash, user_id, organization_id, expires_at) VALUES
        ('expired', '00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001', now() - interval '1 minute'),
        ('live', '00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001', now() + interval '1 day')`);
    });
    const heartbeatFile = join(mkdtempSync(join(tmpdir(), 'rytask-hb-')), 'heartbeat');
    const worker = await startWorker({ databaseUrl: db.url, logLevel: 'silent', heartbeatFile });
    cleanup.push(() => worker.close());
    expect(heartbeatAgeMs(heartbeatFile)).not.toBeNull();

    const handle = createDatabase(db.url, { max: 1 });
    cleanup.push(() => handle.close());
    await enqueueJob(handle.pool, purgeExpiredSessionsJob, {});
    const tokens = () => withClient(db.url, async (c) => (await c.query('SELECT token_hash FROM sessions ORDER BY 1')).rows.map((r) => r.token_hash));
    await until(async () => (await tokens()).length === 1);
    expect(await tokens()).toEqual(['live']);
  });

  it('schedules the hourly purge in graphile-worker’s crontab', async () => {
    const db = await migratedDatabase();
    const worker = await startWorker({ databaseUrl: db.url, logLevel: 'silent', heartbeatFile: join(tmpdir(), `hb-${Date.now()}`) });
    cleanup.push(() => worker.close());
    const known = await withClient(db.url, async (c) => (await c.query('SELECT identifier FROM graphile_worker._private_known_crontabs')).rows);
    expect(known).toContainEqual({ identifier: 'purge_expired_sessions' });
  });

  it('refuses to enqueue a payload that does not match the job schema', async () => {
    const db = await migratedDatabase();
    const handle = createDatabase(db.url, { max: 1 });
    cleanup.push(() => handle.close());
    const strict = { ...purgeExpiredSessionsJob, payload: purgeExpiredSessionsJob.payload.extend({}).strict() };
    await expect(enqueueJob(handle.pool, strict, { unexpected: true } as never)).rejects.toThrow();
  });

  it('stops gracefully: close() resolves and the database connections are released', async () => {
    const db = await migratedDatabase();
    const worker = await startWorker({ databaseUrl: db.url, logLevel: 'silent', heartbeatFile: join(tmpdir(), `hb2-${Date.now()}`) });
    await worker.close();
    const connections = await withClient(db.url, async (c) =>
      (await c.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`)).rows[0].n,
    );
    expect(connections).toBe(0);
  });
});
