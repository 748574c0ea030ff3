import { createHash, randomBytes } from 'node:crypto';

/** Session and invite tokens: 256 random bits (43 base64url characters); only their sha256 is stored. */
export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Personal access tokens are `rtk_` + 256 random bits: the prefix makes a leaked token easy to
 * recognise (secret scanners, logs). `prefix` is what lists show to tell tokens apart.
 */
export const ACCESS_TOKEN_PREFIX = 'rtk_';
const ACCESS_TOKEN_PATTERN = /^rtk_[A-Za-z0-9_-]{43}$/;

export function newAccessToken(): { token: string; tokenHash: string; prefix: string } {
  const token = ACCESS_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token), prefix: token.slice(0, ACCESS_TOKEN_PREFIX.length + 6) };
}

export function looksLikeAccessToken(token: string): boolean {
  return ACCESS_TOKEN_PATTERN.test(token);
}
