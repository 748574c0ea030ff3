// Labels of the organization. Members and above create, rename, recolor and delete them.
import { createLabel, deleteLabel, listLabels, updateLabel } from '@rytask/core';
import { createLabelSchema, idParamsSchema, labelListSchema, labelSchema, updateLabelSchema } from '@rytask/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiContext } from '../../context';
import { requireCaller } from '../../plugins/auth';
import { presentLabel } from './present';

const tags = ['labels'];
export function labelRoutes(fastify: FastifyInstance, { db }: ApiContext): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/labels', {
    schema: { tags, summary: 'List the organization’s labels', response: { 200: labelListSchema } },
  }, async (request) => {
    const caller = await requireCaller(db, request);
    return { labels: (await listLabels(db, caller)).map(presentLabel) };
  });

  app.post('/api/v1/labels', {
    schema: { tags, summary: 'Create a label (names are unique, ignoring case)', body: createLabelSchema, response: { 201: labelSchema } },
  }, async (request, reply) => {
    const caller = await requireCaller(db, request);
    return reply.code(201).send(presentLabel(await createLabel(db, caller, request.body)));
  });

  app.patch('/api/v1/labels/:id', {
    schema: { tags, summary: 'Rename or recolor a label', params: idParamsSchema, body: updateLabelSchema, response: { 200: labelSchema } },
  }, async (request) => {
    const caller = await requireCaller(db, request);
    return presentLabel(await updateLabel(db, caller, request.params.id, request.body));
  });

  app.delete('/api/v1/labels/:id', {
    schema: { tags, summary: 'Delete a label and remove it from every item', params: idParamsSchema },
  }, async (request, reply) => {
    const caller = await requireCaller(db, request);
    await deleteLabel(db, caller, request.params.id);
    return reply.code(204).send();
  });
}
