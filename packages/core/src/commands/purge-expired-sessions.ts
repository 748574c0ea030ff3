import { deleteExpiredSessions, type Database } from '@rytask/db';

/** Idempotent: deleting what has expired twice deletes nothing the second time. */
export function purgeExpiredSessions(db: Database): Promise<number> {
  return deleteExpiredSessions(db);
}
