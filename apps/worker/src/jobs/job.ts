import type { Database } from '@rytask/db';
import type { Logger } from 'pino';
import type { z } from 'zod';

/**
 * A background job: a stable id, a version (bump it when the payload changes shape), and a zod
 * payload schema checked when enqueued and again when run. Handlers must be idempotent: every job
 * may run twice.
 */
export interface JobDefinition<P extends z.ZodType = z.ZodType> {
  id: string;
  version: number;
  payload: P;
  /** A graphile-worker crontab schedule (minute hour day month weekday), if the job is periodic. */
  schedule?: string;
  run(payload: z.infer<P>, context: { db: Database; log: Logger }): Promise<void>;
}

export function defineJob<P extends z.ZodType>(job: JobDefinition<P>): JobDefinition<P> {
  return job;
}
