import { scanDueDates } from '@rytask/core';
import { z } from 'zod';
import { defineJob } from './job';

/**
 * Hourly: organizations whose local time is in the 08:00 hour get their due-soon and overdue
 * notifications. The clock is the time cron scheduled the run for, so a run that starts late (or
 * a backfilled one after downtime) still scans the hour it was meant for.
 */
export const scanDueDatesJob = defineJob({
  id: 'scan-due-dates',
  version: 1,
  payload: z.object({ _cron: z.object({ ts: z.string() }).passthrough().optional() }).passthrough(),
  schedule: '0 * * * *',
  async run(payload, { db, log }) {
    const scheduled = payload._cron ? new Date(payload._cron.ts) : new Date();
    const now = Number.isNaN(scheduled.getTime()) ? new Date() : scheduled;
    const result = await scanDueDates(db, now);
    if (result.notifications > 0) log.info({ ...result, at: now.toISOString() }, 'due-date notifications');
  },
});
