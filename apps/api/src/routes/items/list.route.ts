// The item list behind lists, boards and the built-in views.
import { listItems } from '@rytask/core';
import { itemListQuerySchema, itemListSchema } from '@rytask/contracts';
import type { FastifyInstance } from 'fastify';
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
  }, async (request) => {
    const caller = await requireCaller(db, request);
    const page = await listItems(db, caller, request.query);
    return { items: page.items.map(presentItemSummary), nextCursor: page.nextCursor };
  });
}
