// Quick-add: one line of text → an item (or, with dryRun, only what the line would make).
import { quickAdd } from '@rytask/core';
import { quickAddRequestSchema, quickAddResponseSchema } from '@rytask/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiContext } from '../../context';
import { requireCaller } from '../../plugins/auth';
import { presentItem } from './present';

export function quickAddRoutes(fastify: FastifyInstance, { db }: ApiContext): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.post('/api/v1/items/quick-add', {
    schema: {
      tags: ['items'],
      summary: 'Create an item from one line: `Fix login @sam #bug !high ^friday ~2h` (dryRun: only parse)',
      body: quickAddRequestSchema,
      response: { 200: quickAddResponseSchema, 201: quickAddResponseSchema },
    },
  }, async (request, reply) => {
    const caller = await requireCaller(db, request);
    const { item, parsed } = await quickAdd(db, caller, request.body);
    return reply.code(item ? 201 : 200).send({
      item: item ? presentItem(item) : null,
      understood: parsed.understood.map(({ kind, text, value, start, end }) => ({ kind, text, value, start, end })),
      problems: parsed.problems.map(({ kind, text, message }) => ({ kind, text, message })),
    });
  });
}
