// `rytask api`: verify the schema, then serve. Returns a handle; the CLI owns signals.
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { checkDrift, checkSchema, createDatabase, loadMigrations, schemaMismatch } from '@rytask/db';
import type { FastifyBaseLogger } from 'fastify';
import { startChangeListener } from './change-listener';
import { installJobQueue } from './job-queue';
import { ReadCache } from './plugins/read-cache';
import { buildServer } from './server';

export interface ApiOptions {
  databaseUrl: string;
  host: string;
  port: number;
  publicUrl: string;
  logLevel: string;
  /** Where log lines go (default: stdout). */
  logStream?: NodeJS.WritableStream;
  appVersion: string;
  migrationsDir?: string;
  webDir?: string;
}

export class BootRefusal extends Error {
  override name = 'BootRefusal';
}

export function defaultWebDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@rytask/web/package.json')), 'dist');
}

/** Refuses to run on a database whose schema is behind or ahead of this code. */
export async function assertSchemaMatches(pool: Parameters<typeof checkSchema>[0], migrationsDir?: string) {
  const migrations = loadMigrations(migrationsDir);
  let mismatch: string | null;
  try {
    mismatch = schemaMismatch(await checkSchema(pool, migrations));
  } catch (error) {
    throw new BootRefusal(
      `Cannot reach the database to verify its schema: ${(error as Error).message}. Check DATABASE_URL and that PostgreSQL is running.`,
    );
  }
  if (mismatch) throw new BootRefusal(`Refusing to start. ${mismatch}`);
  return migrations;
}

/**
 * The boot-time drift check (`rytask doctor`'s), in the background: startup never waits for it, and
 * a check that cannot run (no CREATEDB…) is only noted. `stop()` ends it early and waits for it,
 * scratch database dropped, so nothing outlives the api.
 */
export function startDriftCheck(
  options: { databaseUrl: string; migrationsDir?: string },
  log: Pick<FastifyBaseLogger, 'warn' | 'info'>,
) {
  const controller = new AbortController();
  const done = checkDrift({ ...options, signal: controller.signal }).then(
    ({ differences }) => {
      if (differences.length === 0) return;
      log.warn(
        { differences },
        `schema drift: the database differs from what the migrations produce in ${differences.length} way(s); ` +
          'run `rytask doctor` for the list and what to do',
      );
    },
    (error: unknown) => {
      if (controller.signal.aborted) return;
      log.info({ reason: (error as Error).message }, 'schema drift check could not run; `rytask doctor` says why');
    },
  );
  return {
    done,
    async stop() {
      controller.abort();
      await done;
    },
  };
}

export async function startApi(options: ApiOptions) {
  const handle = createDatabase(options.databaseUrl, { applicationName: 'rytask api' });
  try {
    const migrations = await assertSchemaMatches(handle.pool, options.migrationsDir);
    const readCache = new ReadCache();
    const app = await buildServer({
      context: {
        db: handle.db,
        pool: handle.pool,
        secureCookies: options.publicUrl.startsWith('https:'),
        appVersion: options.appVersion,
        publicUrl: options.publicUrl.replace(/\/+$/, ''),
      },
      migrations,
      webDir: options.webDir ?? defaultWebDir(),
      logLevel: options.logLevel,
      logStream: options.logStream,
      readCache,
    });
    await installJobQueue(handle.pool, app.log).catch(async (error: unknown) => {
      await app.close();
      throw new BootRefusal(`Cannot install the job queue (schema graphile_worker): ${(error as Error).message}`);
    });
    try {
      await app.listen({ host: options.host, port: options.port });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        await app.close();
        throw new BootRefusal(`Port ${options.port} on ${options.host} is already in use. Stop what uses it, or set PORT to another port.`);
      }
      throw error;
    }
    const driftCheck = startDriftCheck({ databaseUrl: options.databaseUrl, migrationsDir: options.migrationsDir }, app.log);
    const changes = startChangeListener(options.databaseUrl, readCache, app.log);
    return {
      app,
      /** Settles when the background drift check has logged its outcome (it never rejects). */
      driftCheck: driftCheck.done,
      url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${(app.server.address() as { port: number }).port}`,
      /** Database changes as the read cache hears of them (tests wait on these). */
      changes: changes.events,
      /** Stops accepting, drains in-flight requests and ends the drift check and the listener, then closes the pool. */
      async close() {
        await Promise.all([driftCheck.stop(), app.close(), changes.stop()]);
        await handle.close();
      },
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

export { buildServer } from './server';
