import { purgeExpiredSessions } from '@rytask/core';
import { z } from 'zod';
import { defineJob } from './job';

export const purgeExpiredSessionsJob = defineJob({
  id: 'purge_expired_sessions',
  version: 1,
  payload: z.object({}).passthrough(),
  schedule: '0 * * * *',
  async run(_payload, { db, log }) {
    const deleted = await purgeExpiredSessions(db);
    log.info({ deleted }, 'purged expired sessions');
  },
});
