import { deleteLoginAttemptsOlderThan, type Database } from '@rytask/db';
import { LOGIN_ATTEMPT_RETENTION_MS } from '../policies/login-throttle';

/** Sign-in attempts older than the retention decide nothing any more. Idempotent. */
export function purgeOldLoginAttempts(db: Database): Promise<number> {
  return deleteLoginAttemptsOlderThan(db, LOGIN_ATTEMPT_RETENTION_MS);
}
