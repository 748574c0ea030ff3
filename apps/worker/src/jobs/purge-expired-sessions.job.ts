import { purgeExpiredSessions, purgeOldLoginAttempts } from '@rytask/core';
import { z } from 'zod';
import { defineJob } from './job';

/** Hourly housekeeping of sign-in state: expired sessions and sign-in attempts past retention. */
export const purgeExpiredSessionsJob = defineJob({
  id: 'purge_expired_sessions',
  version: 1,
  payload: z.object({}).passthrough(),
  schedule: '0 * * * *',
  async run(_payload, { db, log }) {
    const deleted = await purgeExpiredSessions(db);
    const loginAttempts = await purgeOldLoginAttempts(db);
    log.info({ deleted, loginAttempts }, 'purged expired sessions and old sign-in attempts');
  },
});
