import { quickAddJob } from 'graphile-worker';
import type pg from 'pg';
import type { z } from 'zod';
import type { JobDefinition } from './job';

/** Validates the payload before it is queued: a malformed job never reaches the queue. */
export async function enqueueJob<P extends z.ZodType>(pool: pg.Pool, job: JobDefinition<P>, payload: z.input<P>): Promise<string> {
  const parsed = job.payload.parse(payload);
  const added = await quickAddJob({ pgPool: pool }, job.id, { ...(parsed as object), _v: job.version }, { maxAttempts: 5 });
  return added.id;
}
