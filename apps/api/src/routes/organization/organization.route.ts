import { getOrganization, updateOrganization } from '@rytask/core';
import { organizationSettingsSchema, updateOrganizationRequestSchema } from '@rytask/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiContext } from '../../context';
import { requireCaller } from '../../plugins/auth';

const tags = ['organization'];

export function organizationRoutes(fastify: FastifyInstance, { db }: ApiContext): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/organization', {
    schema: { tags, summary: 'Your organization and its settings', response: { 200: organizationSettingsSchema } },
  }, async (request) => getOrganization(db, await requireCaller(db, request)));

  app.patch('/api/v1/organization', {
    schema: {
      tags,
      summary: 'Change the name, time zone, week start or working day (ADMIN+)',
      body: updateOrganizationRequestSchema,
      response: { 200: organizationSettingsSchema },
    },
  }, async (request) => updateOrganization(db, await requireCaller(db, request), request.body));
}
