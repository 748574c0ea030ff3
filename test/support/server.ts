// A real RyTask api (serving the built web app) on a fresh migrated + seeded database.
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
    async close() {
      await api.close();
      await database.drop();
    },
  };
}
