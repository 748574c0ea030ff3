import { createSavedView, deleteSavedView, listSavedViews, updateSavedView, type SavedView } from '@rytask/core';
import {
  createSavedViewSchema,
  idParamsSchema,
  savedViewListSchema,
  savedViewSchema,
  updateSavedViewSchema,
  type SavedView as SavedViewResponse,
} from '@rytask/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiContext } from '../../context';
import { requireCaller } from '../../plugins/auth';

const tags = ['views'];

function present(view: SavedView): SavedViewResponse {
  return { id: view.id, name: view.name, shared: view.shared, projectId: view.projectId, owner: view.owner, query: view.query };
}

export function savedViewRoutes(fastify: FastifyInstance, { db }: ApiContext): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/views', {
    schema: { tags, summary: 'Your saved views and the ones shared with the organization', response: { 200: savedViewListSchema } },
  }, async (request) => {
    const caller = await requireCaller(db, request);
    return { views: (await listSavedViews(db, caller)).map(present) };
  });

  app.post('/api/v1/views', {
    schema: {
      tags,
      summary: 'Save a view (MEMBER+): a name and an item-list query, personal or shared',
      body: createSavedViewSchema,
      response: { 201: savedViewSchema },
    },
  }, async (request, reply) => {
    const caller = await requireCaller(db, request);
    return reply.code(201).send(present(await createSavedView(db, caller, request.body)));
  });

  app.patch('/api/v1/views/:id', {
    schema: {
      tags,
      summary: 'Change a saved view (its owner only); a query given replaces the stored one',
      params: idParamsSchema,
      body: updateSavedViewSchema,
      response: { 200: savedViewSchema },
    },
  }, async (request) => {
    const caller = await requireCaller(db, request);
    return present(await updateSavedView(db, caller, request.params.id, request.body));
  });

  app.delete('/api/v1/views/:id', {
    schema: { tags, summary: 'Delete a saved view (its owner; an OWNER/ADMIN also for a shared view)', params: idParamsSchema },
  }, async (request, reply) => {
    const caller = await requireCaller(db, request);
    await deleteSavedView(db, caller, request.params.id);
    return reply.code(204).send();
  });
}
