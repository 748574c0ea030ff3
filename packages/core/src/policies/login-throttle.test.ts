import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_LOCKOUT_MS,
  ACCOUNT_MAX_FAILURES,
  IP_FAILURE_WINDOW_MS,
  IP_MAX_FAILURES,
  accountLockedUntil,
  ipThrottledUntil,
  tryAgainIn,
} from './login-throttle';

const MIN = 60_000;
const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1) + minutes * MIN);

describe('login throttle policy', () => {
  it('locks from the failure that reaches the limit within the window, for the lockout period', () => {
    const failures = [0, 1, 2, 3, 4].map(at);
    expect(accountLockedUntil(failures.slice(0, ACCOUNT_MAX_FAILURES - 1), at(4))).toBeNull();
    expect(accountLockedUntil(failures, at(4))).toEqual(new Date(at(4).getTime() + ACCOUNT_LOCKOUT_MS));
    expect(accountLockedUntil(failures, at(18.9))).not.toBeNull();
    expect(accountLockedUntil(failures, at(19))).toBeNull();
  });

  it('does not lock when the failures are spread wider than the window', () => {
    expect(accountLockedUntil([0, 4, 8, 12, 15].map(at), at(15))).toBeNull();
    expect(accountLockedUntil([0, 4, 8, 12, 14.9].map(at), at(15))).toEqual(at(29.9));
  });

  it('throttles an address until enough failures leave the window', () => {
    const failures = Array.from({ length: IP_MAX_FAILURES }, (_, i) => at(i * 0.1));
    expect(ipThrottledUntil(failures.slice(1), at(3))).toBeNull();
    expect(ipThrottledUntil(failures, at(3))).toEqual(new Date(at(0).getTime() + IP_FAILURE_WINDOW_MS));
    expect(ipThrottledUntil(failures, at(15))).toBeNull();
  });

  it('says when to try again in whole minutes', () => {
    expect(tryAgainIn(900)).toBe('in 15 minutes');
    expect(tryAgainIn(61)).toBe('in 2 minutes');
    expect(tryAgainIn(3)).toBe('in 1 minute');
  });
});
