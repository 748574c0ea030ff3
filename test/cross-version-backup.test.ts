// A backup restores across PostgreSQL majors 15–17, in both directions: RyTask's own format needs
// no pg_dump of a matching version. Also: the migrations produce no drift on each major.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDrift, createBackup, migrate, restoreBackup, runSeed } from '@rytask/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminUrl, snapshot, withClient } from './support/db';
import { startPostgres, type TestPostgres } from './support/postgres';

const servers: TestPostgres[] = [];
let urls: Record<string, string> = {};

beforeAll(async () => {
  servers.push(await startPostgres(15), await startPostgres(16));
  urls = { '15': servers[0]!.adminUrl, '16': servers[1]!.adminUrl, main: adminUrl() };
}, 180_000);
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});

let counter = 0;
async function freshDatabase(serverUrl: string): Promise<string> {
  const name = `xv_${process.pid}_${counter++}`;
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function populated(serverUrl: string): Promise<string> {
  const url = await freshDatabase(serverUrl);
  await migrate({ databaseUrl: url, appVersion: '1.0.0', lockWaitMs: 5000, lockTimeoutMs: 5000, log: () => undefined });
  await withClient(url, async (c) => {
    await runSeed(c, { organizationName: 'Across', adminEmail: 'o@x.test', hashPassword: async () => 'hash' });
    await c.query(`INSERT INTO users (email, name, password_hash, deactivated_at, created_at)
                   SELECT 'u' || g || '@x.test', E'tab\\there \\u00e9', 'h', now() - g * interval '1 hour', '2026-03-29 01:30:00+01'
                   FROM generate_series(1, 300) g`);
  });
  return url;
}

const directions: [string, string][] = [['15', 'main'], ['main', '15'], ['16', 'main'], ['15', '16']];

describe('backups across PostgreSQL majors', () => {
  for (const [from, to] of directions) {
    it(`restores a backup taken on ${from === 'main' ? 'the main test server' : `PostgreSQL ${from}`} onto ${to === 'main' ? 'the main test server' : `PostgreSQL ${to}`}`, async () => {
      const source = await populated(urls[from]!);
      const { file } = await createBackup(source, { outDir: mkdtempSync(join(tmpdir(), 'rytask-xv-')), appVersion: '1.0.0' });
      const target = await freshDatabase(urls[to]!);
      const result = await restoreBackup({ databaseUrl: target, file, appVersion: '1.0.0', force: false, lockWaitMs: 5000, log: () => undefined });
      expect(result.rows).toBeGreaterThan(300);
      // Same rows, value for value (timestamps compared in UTC by the driver).
      expect((await snapshot(target)).data).toEqual((await snapshot(source)).data);
    });
  }

  for (const server of ['15', '16']) {
    it(`finds no drift right after migrating on PostgreSQL ${server}`, async () => {
      const url = await populated(urls[server]!);
      expect((await checkDrift({ databaseUrl: url })).differences).toEqual([]);
    });
  }
});
