import type { JobDefinition } from './job';
import { purgeExpiredSessionsJob } from './purge-expired-sessions.job';

export const jobs: JobDefinition[] = [purgeExpiredSessionsJob];
