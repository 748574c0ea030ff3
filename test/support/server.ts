// A real RyTask api (serving the built web app) on a fresh migrated + seeded database.
import { randomUUID } from 'node:crypto';
import { hashPassword } from '@rytask/core';
import { runSeed } from '@rytask/db';
import { startApi } from '@rytask/api';
import { createTestDatabase, withClient } from './db';

export const TEST_ADMIN_EMAIL = 'owner@example.test';

export async function startTestServer(options: { adminPassword?: string; logLevel?: string; logStream?: NodeJS.WritableStream } = {}) {
  const database = await createTestDatabase('migrated');
  const seeded = await withClient(database.url, (client) =>
    runSeed(client, {
      organizationName: 'Acme Test',
      adminEmail: TEST_ADMIN_EMAIL,
      adminPassword: options.adminPassword,
      hashPassword,
    }),
  );
  const api = await startApi({
    databaseUrl: database.url,
    host: '127.0.0.1',
    port: 0,
    publicUrl: 'http://127.0.0.1',
    logLevel: options.logLevel ?? 'silent',
    logStream: options.logStream,
    appVersion: 'test',
  });
  return {
    url: api.url,
    app: api.app,
    databaseUrl: database.url,
    adminEmail: TEST_ADMIN_EMAIL,
    adminPassword: options.adminPassword ?? seeded.generatedPassword!,
    /**
     * Waits until the api has heard of every change committed so far by anyone (its read cache has
     * forgotten what they touched): call it after writing straight to the database, before reading
     * through the api. Notifications arrive in commit order, so a marker sent now comes after them.
     */
    async changesSeen() {
      if (!api.app.readCache.enabled) return; // nothing is cached, so nothing can be stale
      const marker = `seen:${randomUUID()}`;
      const seen = new Promise<void>((resolve, reject) => {
        const onChange = (payload: string) => {
          if (payload !== marker) return;
          done();
          resolve();
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error('The api did not hear of the database changes within 10 s (is its change listener connected?)'));
        }, 10_000);
        const done = () => {
          clearTimeout(timer);
          api.changes.off('change', onChange);
        };
        api.changes.on('change', onChange);
      });
      await withClient(database.url, (c) => c.query(`SELECT pg_notify('rytask_changes', $1)`, [marker]));
      await seen;
    },
    async close() {
      await api.close();
      await database.drop();
    },
  };
}
