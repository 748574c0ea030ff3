// Work items: create in a project, read (by id or OPS-12 key), edit with a version check, board
// moves, trash and restore, history and watching. Members and above write; viewers read.
import {
  createItem,
  getItem,
  getItemByKey,
  listItemActivity,
  moveItem,
  restoreItem,
  setWatching,
  trashItem,
  updateItem,
} from '@rytask/core';
import {
  activityListSchema,
  createItemSchema,
  idParamsSchema,
  itemKeyParamsSchema,
  itemSchema,
  moveItemSchema,
  updateItemSchema,
} from '@rytask/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiContext } from '../../context';
import { requireCaller } from '../../plugins/auth';
import { presentActivity, presentItem } from './present';

const tags = ['items'];

export function itemRoutes(fastify: FastifyInstance, { db }: ApiContext): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post('/api/v1/projects/:id/items', {
    schema: { tags, summary: 'Create an item in the project (numbered KEY-n; labels by id or name, created if missing)', params: idParamsSchema, body: createItemSchema, response: { 201: itemSchema } },
  }, async (request, reply) => {
    const caller = await requireCaller(db, request);
    return reply.code(201).send(presentItem(await createItem(db, caller, request.params.id, request.body)));
  });

  app.get('/api/v1/items/:id', {
    schema: { tags, summary: 'An item with its description, sub-tasks and parent (trashed items too)', params: idParamsSchema, response: { 200: itemSchema } },
  }, async (request) => {
    const caller = await requireCaller(db, request);
    return presentItem(await getItem(db, caller, request.params.id));
  });

  app.get('/api/v1/items/by-key/:key', {
    schema: { tags, summary: 'An item by its key, e.g. OPS-12 (any case)', params: itemKeyParamsSchema, response: { 200: itemSchema } },
  }, async (request) => {
    const caller = await requireCaller(db, request);
    return presentItem(await getItemByKey(db, caller, request.params.key));
  });

  app.patch('/api/v1/items/:id', {
    schema: { tags, summary: 'Edit an item; `version` must be the one you loaded (409 conflict otherwise)', params: idParamsSchema, body: updateItemSchema, response: { 200: itemSchema } },
  }, async (request) => {
    const caller = await requireCaller(db, request);
    return presentItem(await updateItem(db, caller, request.params.id, request.body));
  });

  app.post('/api/v1/items/:id/move', {
    schema: { tags, summary: 'Board drop: a status and the neighbours the card landed between', params: idParamsSchema, body: moveItemSchema, response: { 200: itemSchema } },
  }, async (request) => {
    const caller = await requireCaller(db, request);
    return presentItem(await moveItem(db, caller, request.params.id, request.body));
  });

  app.delete('/api/v1/items/:id', {
    schema: { tags, summary: 'Move an item to its project’s trash (its number is never reused)', params: idParamsSchema },
  }, async (request, reply) => {
    const caller = await requireCaller(db, request);
    await trashItem(db, caller, request.params.id);
    return reply.code(204).send();
  });

  app.post('/api/v1/items/:id/restore', {
    schema: { tags, summary: 'Bring an item back from the trash', params: idParamsSchema, response: { 200: itemSchema } },
  }, async (request) => {
    const caller = await requireCaller(db, request);
    return presentItem(await restoreItem(db, caller, request.params.id));
  });

  app.get('/api/v1/items/:id/activity', {
    schema: { tags, summary: 'The item’s history, one entry per changed field, oldest first', params: idParamsSchema, response: { 200: activityListSchema } },
  }, async (request) => {
    const caller = await requireCaller(db, request);
    return { activity: (await listItemActivity(db, caller, request.params.id)).map(presentActivity) };
  });

  app.put('/api/v1/items/:id/watch', {
    schema: { tags, summary: 'Watch an item: its comments and status changes reach your inbox', params: idParamsSchema },
  }, async (request, reply) => {
    const caller = await requireCaller(db, request);
    await setWatching(db, caller, request.params.id, true);
    return reply.code(204).send();
  });

  app.delete('/api/v1/items/:id/watch', {
    schema: { tags, summary: 'Stop watching an item', params: idParamsSchema },
  }, async (request, reply) => {
    const caller = await requireCaller(db, request);
    await setWatching(db, caller, request.params.id, false);
    return reply.code(204).send();
  });
}
