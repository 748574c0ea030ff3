import { authenticate, changePassword, login, logout, type Caller } from '@rytask/core';
import { changePasswordRequestSchema, loginRequestSchema, type SessionResponse } from '@rytask/contracts';
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../../context';
import { parseInput } from '../../plugins/errors';
import { assertCsrf, clearSessionCookie, requireCaller, sessionToken, setSessionCookie } from '../../plugins/auth';

function present(caller: Caller): SessionResponse {
  return { user: caller.user, organization: caller.organization, role: caller.role };
}

export function authRoutes(app: FastifyInstance, { db, secureCookies }: ApiContext): void {
  app.post('/api/v1/auth/login', async (request, reply) => {
    assertCsrf(request);
    const input = parseInput(loginRequestSchema, request.body);
    const { token, expiresAt } = await login(db, {
      ...input,
      ip: request.ip,
      userAgent: request.headers['user-agent'],
    });
    setSessionCookie(reply, token, expiresAt, secureCookies);
    return present(await authenticate(db, token));
  });

  app.post('/api/v1/auth/logout', async (request, reply) => {
    assertCsrf(request);
    await logout(db, sessionToken(request));
    clearSessionCookie(reply, secureCookies);
    return reply.code(204).send();
  });

  app.get('/api/v1/auth/session', async (request) => {
    return present(await requireCaller(db, request, { allowPendingPasswordChange: true }));
  });

  app.post('/api/v1/auth/password', async (request) => {
    const caller = await requireCaller(db, request, { allowPendingPasswordChange: true });
    const input = parseInput(changePasswordRequestSchema, request.body);
    return present(await changePassword(db, caller, input));
  });
}
