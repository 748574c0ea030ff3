// The api's boot-time drift warning: logged when the schema drifted, quiet otherwise, never fatal,
// and never left running after close().
import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { adminUrl, withClient, useTestDatabases } from '../../../test/support/db';
import { startApi, startDriftCheck } from './index';

const { database, cleanup } = useTestDatabases();
const migratedDatabase = () => database('migrated');

const sql = (url: string, text: string) => withClient(url, (c) => c.query(text));

function recordingLog() {
  return { warn: vi.fn(), info: vi.fn() };
}

describe('drift check at api boot', () => {
  it('logs a warning from the running api listing the differences', async () => {
    const db = await migratedDatabase();
    await sql(db.url, 'ALTER TABLE users ADD COLUMN nickname text');
    const api = await startApi({
      databaseUrl: db.url,
      host: '127.0.0.1',
      port: 0,
      publicUrl: 'http://127.0.0.1',
      logLevel: 'silent',
      appVersion: 'test',
    });
    cleanup(() => api.close());
    // Attached before the check can have logged: it needs several database round trips first.
    const warn = vi.spyOn(api.app.log, 'warn');
    await api.driftCheck;
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(
      { differences: ['column users.nickname: in the database, not in the migrations (text)'] },
      expect.stringContaining('run `rytask doctor`'),
    );
  });

  it('stays quiet when the schema is exactly what the migrations produce', async () => {
    const db = await migratedDatabase();
    const log = recordingLog();
    await startDriftCheck({ databaseUrl: db.url }, log).done;
    expect(log.warn).not.toHaveBeenCalled();
    expect(log.info).not.toHaveBeenCalled();
  });

  it('notes at info level, without failing, when the check cannot run for lack of CREATEDB', async () => {
    const db = await migratedDatabase();
    const role = `api_drift_${randomBytes(4).toString('hex')}`;
    await sql(adminUrl(), `CREATE ROLE ${role} LOGIN PASSWORD 'secret' NOCREATEDB`);
    cleanup(() => sql(adminUrl(), `DROP ROLE IF EXISTS ${role}`));
    const url = new URL(db.url);
    url.username = role;
    url.password = 'secret';
    const log = recordingLog();
    await startDriftCheck({ databaseUrl: url.toString() }, log).done;
    expect(log.warn).not.toHaveBeenCalled();
    expect(log.info).toHaveBeenCalledWith(
      { reason: expect.stringContaining('CREATEDB') },
      expect.stringContaining('could not run'),
    );
  });

  it('is stopped by close(), leaving no connection behind', async () => {
    const db = await migratedDatabase();
    const api = await startApi({
      databaseUrl: db.url,
      host: '127.0.0.1',
      port: 0,
      publicUrl: 'http://127.0.0.1',
      logLevel: 'silent',
      appVersion: 'test',
    });
    const info = vi.spyOn(api.app.log, 'info');
    await api.close(); // at once: the check is still running
    await api.driftCheck;
    const connections = await withClient(adminUrl(), (c) =>
      c.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [db.name]),
    );
    expect(connections.rows[0].n).toBe(0);
    // Stopping is not a failure worth noting.
    expect(info).not.toHaveBeenCalledWith(expect.anything(), expect.stringContaining('could not run'));
  });
});
