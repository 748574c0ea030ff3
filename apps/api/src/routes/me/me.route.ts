import { listMyOrganizations, updateProfile } from '@rytask/core';
import { myOrganizationsResponseSchema, sessionResponseSchema, updateProfileRequestSchema } from '@rytask/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiContext } from '../../context';
import { requireCaller } from '../../plugins/auth';

export function meRoutes(fastify: FastifyInstance, { db }: ApiContext): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/me/organizations', {
    schema: {
      tags: ['profile'],
      summary: 'The organizations you belong to (switch with POST /api/v1/auth/switch-organization)',
      response: { 200: myOrganizationsResponseSchema },
    },
  }, async (request) => ({ organizations: await listMyOrganizations(db, await requireCaller(db, request)) }));

  app.patch('/api/v1/me', {
    schema: {
      tags: ['profile'],
      summary: 'Change your name or handle (handles are unique, case-insensitively)',
      body: updateProfileRequestSchema,
      response: { 200: sessionResponseSchema },
    },
  }, async (request) => {
    const caller = await updateProfile(db, await requireCaller(db, request), request.body);
    return { user: caller.user, organization: caller.organization, role: caller.role };
  });
}
