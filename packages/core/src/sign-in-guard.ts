import { deleteLoginAttempt, findFailuresBefore, insertPendingLoginAttempt, markLoginAttemptSucceeded, type Database } from '@rytask/db';
import { AppError } from './errors';
import {
  ACCOUNT_LOOKBACK_MS,
  IP_FAILURE_WINDOW_MS,
  accountLockedUntil,
  ipThrottledUntil,
  tryAgainIn,
} from './policies/login-throttle';

/**
 * Runs a password check under sign-in protection (policies/login-throttle.ts): refuses with
 * too_many_attempts while the email is locked or the address throttled — without checking the
 * password, and alike for unknown emails — and records the outcome.
 *
 * The attempt is written as a failure *before* the check, so a burst of parallel guesses sees its
 * own earlier members instead of all slipping past a count taken before any was recorded.
 */
export async function guardPasswordCheck(
  db: Database,
  who: { email: string; ip?: string | null },
  check: () => Promise<boolean>,
): Promise<boolean> {
  const email = who.email.trim().toLowerCase();
  const ip = who.ip ?? null;
  const attempt = await insertPendingLoginAttempt(db, email, ip);
  const { accountFailures, ipFailures } = await findFailuresBefore(
    db,
    { id: attempt.id, email, ip },
    { accountLookbackMs: ACCOUNT_LOOKBACK_MS, ipLookbackMs: IP_FAILURE_WINDOW_MS },
  );
  const now = attempt.attemptedAt;
  const until = [accountLockedUntil(accountFailures, now), ipThrottledUntil(ipFailures, now)]
    .filter((d): d is Date => d !== null)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  if (until) {
    // A refused attempt is not counted: knocking on a lockout must not extend it.
    await deleteLoginAttempt(db, attempt.id);
    const seconds = Math.ceil((until.getTime() - now.getTime()) / 1000);
    throw new AppError(
      'too_many_attempts',
      `Too many failed sign-in attempts. Password sign-in is paused for a while: try again ${tryAgainIn(seconds)}.`,
      { retryAfterSeconds: seconds },
    );
  }
  const ok = await check();
  if (ok) await markLoginAttemptSucceeded(db, attempt.id);
  return ok;
}
