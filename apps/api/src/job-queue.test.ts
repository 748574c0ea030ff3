import { describe, expect, it } from 'vitest';
import { useTestDatabases, withClient } from '../../../test/support/db';
import { startApi } from './index';

const { database, cleanup } = useTestDatabases();

const hasQueue = (url: string) =>
  withClient(url, async (c) => (await c.query(`SELECT to_regprocedure('graphile_worker.add_job(text, json, text, timestamptz, integer, text, integer, text[], text)') IS NOT NULL AS ok`)).rows[0].ok);

describe('job queue at api boot', () => {
  it('installs graphile-worker’s schema before serving, so writes can queue jobs before any worker ran; twice is harmless', async () => {
    const db = await database();
    expect(await hasQueue(db.url)).toBe(false);
    const options = { databaseUrl: db.url, host: '127.0.0.1', port: 0, publicUrl: 'http://127.0.0.1', logLevel: 'silent', appVersion: 'test', webDir: '/nonexistent' };
    const first = await startApi(options);
    cleanup(() => first.close());
    expect(await hasQueue(db.url)).toBe(true);
    const second = await startApi(options);
    cleanup(() => second.close());
    expect(await hasQueue(db.url)).toBe(true);
  });
});
