import { DELIVER_NOTIFICATIONS_JOB, deliverNotifications } from '@rytask/core';
import { z } from 'zod';
import { defineJob } from './job';

/**
 * Turns new item activity into inbox notifications. Queued by the api in the same transaction as
 * the activity (job_key 'deliver-notifications': a burst of writes runs it once), and every minute
 * by cron as a safety net. Idempotent and safe to run on several workers at once.
 */
export const deliverNotificationsJob = defineJob({
  id: DELIVER_NOTIFICATIONS_JOB,
  version: 1,
  // The api queues `{}`; cron adds `_cron`.
  payload: z.object({}).passthrough(),
  schedule: '* * * * *',
  async run(_payload, { db, log }) {
    const delivered = await deliverNotifications(db);
    if (delivered.activities > 0) log.info(delivered, 'delivered notifications');
  },
});
