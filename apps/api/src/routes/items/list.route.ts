// The item list behind lists, boards and the built-in views.
import { listItems } from '@rytask/core';
import { itemListQuerySchema, itemListSchema } from '@rytask/contracts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiContext } from '../../context';
import { requireCaller } from '../../plugins/auth';
import { presentItemSummary } from './present';

export function itemListRoutes(fastify: FastifyInstance, { db }: ApiContext): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/api/v1/items', {
    schema: {
      tags: ['items'],
      summary: 'List items: filters, built-in views (my-work, due-soon, overdue), sorts and cursor pages',
      querystring: itemListQuerySchema,
      response: { 200: itemListSchema },
    },
  }, async (request, reply) => {
    const caller = await requireCaller(db, request);
    // Pages are kept as sent, per person (`me`) and role, in the read cache (plugins/read-cache.ts).
    const key = `items:${caller.organization.id}:${caller.user.id}:${caller.role}:${request.url}`;
    const body = await app.readCache.get(key, async () => {
      const page = await listItems(db, caller, request.query);
      return reply.serialize({ items: page.items.map(presentItemSummary), nextCursor: page.nextCursor }) as string;
    }, (json) => json.length);
    // Already JSON: a string is sent as it is, not serialized again.
    return (reply as FastifyReply).type('application/json; charset=utf-8').send(body);
  });
}
