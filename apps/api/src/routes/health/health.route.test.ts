import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, loadMigrations } from '@rytask/db';
import { createTestDatabase, withClient } from '../../../../../test/support/db';
import { COMMITTED, nextTag } from '../../../../../test/support/migrations';
import { buildServer } from '../../server';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function serverOn(url: string) {
  const handle = createDatabase(url, { max: 2 });
  const app = await buildServer({
    context: { db: handle.db, pool: handle.pool, secureCookies: false, appVersion: 'test', publicUrl: 'http://127.0.0.1' },
    migrations: loadMigrations(),
    logLevel: 'silent',
  });
  cleanup.push(() => handle.close(), () => app.close());
  return app;
}

async function database(kind: 'migrated' | 'empty') {
  const db = await createTestDatabase(kind);
  cleanup.push(() => db.drop());
  return db;
}

describe('/healthz and /readyz', () => {
  it('is ready when the database answers and its schema matches the code', async () => {
    const app = await serverOn((await database('migrated')).url);
    expect((await app.inject({ url: '/readyz' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
  });

  it('answers 503 when the database is behind the code', async () => {
    const app = await serverOn((await database('empty')).url);
    const response = await app.inject({ url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json().error).toMatchObject({ code: 'not_ready', message: expect.stringContaining('0000_init') });
  });

  it('answers 503 when the database is newer than the code', async () => {
    const db = await database('migrated');
    await withClient(db.url, (c) =>
      c.query(`INSERT INTO rytask_migrations (id, name, checksum, duration_ms, app_version, run_id) VALUES (${COMMITTED.length + 1}, '${nextTag('x')}', 'x', 1, '9', gen_random_uuid())`),
    );
    const response = await (await serverOn(db.url)).inject({ url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json().error.message).toContain('newer than this code');
  });

  it('answers 503 when the database is down, while /healthz stays 200', async () => {
    const db = await database('migrated');
    const app = await serverOn(db.url);
    expect((await app.inject({ url: '/readyz' })).statusCode).toBe(200);
    await db.drop(); // the database disappears under the running api
    const response = await app.inject({ url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json().error.message).toContain('unreachable');
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
  });
});
