// The api queues background jobs inside its own transactions (SQL graphile_worker.add_job, see
// enqueueNotificationDelivery), so graphile-worker's schema must exist before the first write —
// also on a fresh or just-restored database whose worker has not started yet. graphile-worker
// installs and upgrades it idempotently, and concurrent installers (api replicas, the worker)
// are safe: each migration is claimed by inserting its number first.
import { Logger, runMigrations } from 'graphile-worker';
import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';

export async function installJobQueue(pool: pg.Pool, log: Pick<FastifyBaseLogger, 'debug' | 'info' | 'warn' | 'error'>): Promise<void> {
  await runMigrations({
    pgPool: pool,
    logger: new Logger((scope) => (level, message, meta) => {
      const method = level === 'warning' ? 'warn' : level === 'error' ? 'error' : level === 'debug' ? 'debug' : 'info';
      log[method]({ scope, ...meta }, message);
    }),
  });
}
