// `rytask worker`: background jobs and schedules on graphile-worker (jobs are claimed with row
// locks, so several workers can run). Verifies the schema first; writes a heartbeat file that the
// compose healthcheck (`rytask healthcheck worker`) reads.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { checkSchema, createDatabase, loadMigrations, schemaMismatch } from '@rytask/db';
import { Logger as GraphileLogger, run, type Task } from 'graphile-worker';
import pino from 'pino';
import { jobs } from './jobs/index';

export { enqueueJob } from './jobs/enqueue';
export { jobs } from './jobs/index';

export interface WorkerOptions {
  databaseUrl: string;
  logLevel: string;
  heartbeatFile: string;
  migrationsDir?: string;
  concurrency?: number;
}

export class WorkerBootRefusal extends Error {
  override name = 'WorkerBootRefusal';
}

const HEARTBEAT_INTERVAL_MS = 10_000;
/** A heartbeat older than this means the worker is stuck or cannot reach the database. */
export const HEARTBEAT_MAX_AGE_MS = 35_000;

export function heartbeatAgeMs(file: string): number | null {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

export async function startWorker(options: WorkerOptions) {
  const log = pino({ level: options.logLevel, name: 'worker' });
  const handle = createDatabase(options.databaseUrl, { applicationName: 'rytask worker', max: 5 });
  try {
    let mismatch: string | null;
    try {
      mismatch = schemaMismatch(await checkSchema(handle.pool, loadMigrations(options.migrationsDir)));
    } catch (error) {
      throw new WorkerBootRefusal(
        `Cannot reach the database to verify its schema: ${(error as Error).message}. Check DATABASE_URL and that PostgreSQL is running.`,
      );
    }
    if (mismatch) throw new WorkerBootRefusal(`Refusing to start. ${mismatch}`);

    const taskList: Record<string, Task> = Object.fromEntries(
      jobs.map((job) => [
        job.id,
        (async (payload, helpers) => {
          const { _v: version, ...rest } = (payload ?? {}) as { _v?: number };
          if (version !== undefined && version !== job.version) {
            // A job queued by another version: its payload may have another shape.
            throw new Error(`Job ${job.id}: queued as version ${version}, this worker runs version ${job.version}`);
          }
          const parsed = job.payload.safeParse(rest);
          if (!parsed.success) {
            // Retrying cannot fix a malformed payload; fail loudly with the reason.
            throw new Error(`Job ${job.id}@${job.version}: invalid payload: ${parsed.error.message}`);
          }
          await job.run(parsed.data, { db: handle.db, log: log.child({ job: job.id, jobId: helpers.job.id }) });
        }) satisfies Task,
      ]),
    );
    const crontab = jobs
      .filter((job) => job.schedule)
      .map((job) => `${job.schedule} ${job.id} ?id=${job.id}&fill=1h`)
      .join('\n');
    const runner = await run({
      pgPool: handle.pool,
      concurrency: options.concurrency ?? 2,
      taskList,
      crontab,
      noHandleSignals: true,
      pollInterval: 2_000,
      logger: new GraphileLogger((scope) => (level, message, meta) => {
        const method = level === 'warning' ? 'warn' : level === 'error' ? 'error' : level === 'debug' ? 'debug' : 'info';
        log[method]({ scope, ...meta }, message);
      }),
    });

    mkdirSync(dirname(options.heartbeatFile), { recursive: true });
    const beat = async () => {
      try {
        await handle.pool.query('SELECT 1');
        writeFileSync(options.heartbeatFile, new Date().toISOString());
      } catch (error) {
        log.warn({ err: error }, 'heartbeat: database unreachable');
      }
    };
    await beat();
    const timer = setInterval(beat, HEARTBEAT_INTERVAL_MS);
    log.info({ jobs: jobs.map((job) => job.id) }, 'worker started');

    return {
      /** Finishes running jobs, then disconnects. */
      async close() {
        clearInterval(timer);
        await runner.stop();
        await handle.close();
        log.info('worker stopped');
      },
      /** Resolves when graphile-worker stops on its own (e.g. a fatal error). */
      done: runner.promise,
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
