// Sign-in protection: how many wrong passwords an account and an address may try, and for how long
// password sign-in then pauses. Counted from `login_attempts` rows, so every api replica agrees.
// Documented for operators in docs/self-hosting/security.md — keep the two in step.

/** Failed sign-ins for one email (whether or not the account exists) that trigger a lockout… */
export const ACCOUNT_MAX_FAILURES = 5;
/** …when they happen within this window… */
export const ACCOUNT_FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** …lock that email's password sign-in for this long, counted from the failure that hit the limit. */
export const ACCOUNT_LOCKOUT_MS = 15 * 60 * 1000;
/** Failed sign-ins from one IP address within the window after which that address must wait. */
export const IP_MAX_FAILURES = 30;
export const IP_FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** How long attempts are kept (for operators' questions) before the hourly purge deletes them. */
export const LOGIN_ATTEMPT_RETENTION_MS = 24 * 60 * 60 * 1000;

/** How far back the account check must look: a lockout can start a window before it ends. */
export const ACCOUNT_LOOKBACK_MS = ACCOUNT_FAILURE_WINDOW_MS + ACCOUNT_LOCKOUT_MS;

/**
 * When the account's lockout ends, or null when it is not locked at `now`.
 * `failures`: the email's failed attempts since its last successful sign-in, oldest first. A lockout
 * starts at a failure that is the ACCOUNT_MAX_FAILURES-th within ACCOUNT_FAILURE_WINDOW_MS; attempts
 * refused during a lockout are not recorded, so a lockout is never extended by knocking on it.
 */
export function accountLockedUntil(failures: readonly Date[], now: Date): Date | null {
  for (let last = failures.length - 1; last >= ACCOUNT_MAX_FAILURES - 1; last--) {
    const first = failures[last - ACCOUNT_MAX_FAILURES + 1]!;
    if (failures[last]!.getTime() - first.getTime() < ACCOUNT_FAILURE_WINDOW_MS) {
      const until = new Date(failures[last]!.getTime() + ACCOUNT_LOCKOUT_MS);
      // The latest qualifying failure ends latest; if its lockout is over, every earlier one is.
      return until > now ? until : null;
    }
  }
  return null;
}

/**
 * When the address may try again, or null when it may now. `failures`: its failed attempts within
 * IP_FAILURE_WINDOW_MS before `now`, oldest first. A sliding window: the address waits until enough
 * of its failures have aged out to fall below the limit.
 */
export function ipThrottledUntil(failures: readonly Date[], now: Date): Date | null {
  if (failures.length < IP_MAX_FAILURES) return null;
  const until = new Date(failures[failures.length - IP_MAX_FAILURES]!.getTime() + IP_FAILURE_WINDOW_MS);
  return until > now ? until : null;
}

/** "in 12 minutes" / "in 1 minute" — whole minutes, rounded up, never "in 0 minutes". */
export function tryAgainIn(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `in ${minutes} minute${minutes === 1 ? '' : 's'}`;
}
