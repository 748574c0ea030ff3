import type { SessionResponse } from '@rytask/contracts';

/** The authenticated caller of a request: what every use case receives instead of raw tokens. */
export interface Caller extends SessionResponse {
  sessionId: string;
}

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** Sliding expiry, but at most one write per session per hour. */
export const SESSION_TOUCH_INTERVAL_MS = 60 * 60 * 1000;
