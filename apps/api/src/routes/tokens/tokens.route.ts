import { createAccessToken, listAccessTokens, revokeAccessToken } from '@rytask/core';
import {
  accessTokenListResponseSchema,
  accessTokenParamsSchema,
  createAccessTokenRequestSchema,
  createdAccessTokenResponseSchema,
  type AccessToken,
} from '@rytask/contracts';
import type { AccessTokenSummary } from '@rytask/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiContext } from '../../context';
import { requireCaller } from '../../plugins/auth';

const tags = ['access tokens'];

function present(token: AccessTokenSummary): AccessToken {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    scope: token.scope,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    expiresAt: token.expiresAt?.toISOString() ?? null,
  };
}

export function tokenRoutes(fastify: FastifyInstance, { db }: ApiContext): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post('/api/v1/tokens', {
    schema: {
      tags,
      summary: 'Create a personal access token (signed-in session only; the token is shown once)',
      body: createAccessTokenRequestSchema,
      response: { 201: createdAccessTokenResponseSchema },
    },
  }, async (request, reply) => {
    const caller = await requireCaller(db, request);
    const { token, ...created } = await createAccessToken(db, caller, request.body);
    return reply.code(201).send({ ...present(created), token });
  });

  app.get('/api/v1/tokens', {
    schema: { tags, summary: 'Your access tokens in this organization (never the tokens themselves)', response: { 200: accessTokenListResponseSchema } },
  }, async (request) => {
    const caller = await requireCaller(db, request);
    return { tokens: (await listAccessTokens(db, caller)).map(present) };
  });

  app.delete('/api/v1/tokens/:id', {
    schema: { tags, summary: 'Revoke one of your access tokens', params: accessTokenParamsSchema },
  }, async (request, reply) => {
    const caller = await requireCaller(db, request);
    await revokeAccessToken(db, caller, request.params.id);
    return reply.code(204).send();
  });
}
