// Authentication for every route that asks for it, in one place: the session cookie or a bearer
// access token (and its scope), CSRF for cookie-authenticated writes, and the forced password change.
import { assertPasswordChangeNotRequired, assertScopeAllows, authenticate, AppError, type Caller } from '@rytask/core';
import { CSRF_HEADER, SESSION_COOKIE } from '@rytask/contracts';
import type { Database } from '@rytask/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF protection for every API write, as an onRequest hook (before any body is read): a write must
 * carry the custom header unless it authenticates with a bearer token, which a browser never sends
 * on its own. A cross-site form or image cannot set a custom header; a cross-origin fetch that does
 * needs a CORS preflight, which this server never grants.
 */
export function registerCsrfCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
    if (bearerToken(request) !== undefined) return;
    if (request.headers[CSRF_HEADER] !== '1') {
      throw new AppError('csrf_failed', `This request must carry the ${CSRF_HEADER} header.`);
    }
  });
}

export function sessionToken(request: FastifyRequest): string | undefined {
  return request.cookies[SESSION_COOKIE];
}

/**
 * The token of `Authorization: Bearer <token>`, if the request has one. The CSRF check and
 * authentication use this same test, so a request that skipped CSRF is never judged by its cookie.
 */
export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
}

/**
 * Authenticates the caller (bearer token, else session cookie; the looked-up row is kept in the read
 * cache) and applies a read-only token's limit to writes; `allowPendingPasswordChange` lets the
 * forced-change flow through.
 */
export async function requireCaller(
  db: Database,
  request: FastifyRequest,
  options: { allowPendingPasswordChange?: boolean } = {},
): Promise<Caller> {
  const cache = request.server.readCache;
  const caller = await authenticate(db, { sessionToken: sessionToken(request), bearerToken: bearerToken(request) }, (key, load) =>
    cache.get(key, load, () => 1024),
  );
  assertScopeAllows(caller, !SAFE_METHODS.has(request.method));
  if (!options.allowPendingPasswordChange) assertPasswordChangeNotRequired(caller);
  return caller;
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
