import { authenticate, changePassword, login, logout, switchOrganization, type Caller } from '@rytask/core';
import {
  changePasswordRequestSchema,
  loginRequestSchema,
  sessionResponseSchema,
  switchOrganizationRequestSchema,
  type SessionResponse,
} from '@rytask/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiContext } from '../../context';
import { clearSessionCookie, requireCaller, sessionToken, setSessionCookie } from '../../plugins/auth';

function present(caller: Caller): SessionResponse {
  return { user: caller.user, organization: caller.organization, role: caller.role };
}

const tags = ['auth'];

export function authRoutes(fastify: FastifyInstance, { db, secureCookies }: ApiContext): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.post('/api/v1/auth/login', {
    schema: { tags, summary: 'Sign in: sets the session cookie', body: loginRequestSchema, response: { 200: sessionResponseSchema } },
  }, async (request, reply) => {
    const { token, expiresAt } = await login(db, {
      ...request.body,
      ip: request.ip,
      userAgent: request.headers['user-agent'],
    });
    setSessionCookie(reply, token, expiresAt, secureCookies);
    return present(await authenticate(db, { sessionToken: token }));
  });

  app.post('/api/v1/auth/logout', { schema: { tags, summary: 'Sign out: ends this session' } }, async (request, reply) => {
    await logout(db, sessionToken(request));
    clearSessionCookie(reply, secureCookies);
    return reply.code(204).send();
  });

  app.post('/api/v1/auth/switch-organization', {
    schema: {
      tags,
      summary: 'Work in another of your organizations: a new session cookie there; this session ends',
      body: switchOrganizationRequestSchema,
      response: { 200: sessionResponseSchema },
    },
  }, async (request, reply) => {
    const caller = await requireCaller(db, request);
    const { token, expiresAt } = await switchOrganization(
      db,
      caller,
      request.body,
      { ip: request.ip, userAgent: request.headers['user-agent'] },
    );
    setSessionCookie(reply, token, expiresAt, secureCookies);
    return present(await authenticate(db, { sessionToken: token }));
  });

  app.get('/api/v1/auth/session', {
    schema: { tags, summary: 'Who is signed in', response: { 200: sessionResponseSchema } },
  }, async (request) => {
    return present(await requireCaller(db, request, { allowPendingPasswordChange: true }));
  });

  app.post('/api/v1/auth/password', {
    schema: { tags, summary: 'Change your password (signs out your other sessions)', body: changePasswordRequestSchema, response: { 200: sessionResponseSchema } },
  }, async (request) => {
    const caller = await requireCaller(db, request, { allowPendingPasswordChange: true });
    return present(await changePassword(db, caller, request.body));
  });
}
