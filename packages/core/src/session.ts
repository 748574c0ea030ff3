import type { SessionResponse, TokenScope } from '@rytask/contracts';

/**
 * The authenticated caller of a request: what every use case receives instead of raw tokens.
 * `via` says how they proved it: the session cookie (full access for their role) or a personal
 * access token (limited to its scope, and never allowed the session-only actions).
 */
export type Caller = SessionResponse &
  ({ via: 'session'; sessionId: string; scope: 'read_write' } | { via: 'token'; tokenId: string; scope: TokenScope });

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** Sliding expiry, but at most one write per session per hour. */
export const SESSION_TOUCH_INTERVAL_MS = 60 * 60 * 1000;
/** An access token's last_used_at is written at most once a minute. */
export const ACCESS_TOKEN_TOUCH_INTERVAL_MS = 60 * 1000;
