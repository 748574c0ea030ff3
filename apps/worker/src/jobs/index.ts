import type { JobDefinition } from './job';
import { deliverNotificationsJob } from './deliver-notifications.job';
import { purgeExpiredSessionsJob } from './purge-expired-sessions.job';
import { scanDueDatesJob } from './scan-due-dates.job';

export const jobs: JobDefinition[] = [purgeExpiredSessionsJob, deliverNotificationsJob, scanDueDatesJob];
