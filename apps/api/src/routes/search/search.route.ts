import { searchItems, type SearchOutcome } from '@rytask/core';
import { searchQuerySchema, searchResultSchema, type SearchResult } from '@rytask/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiContext } from '../../context';
import { requireCaller } from '../../plugins/auth';

function present(outcome: SearchOutcome): SearchResult {
  return {
    jumpTo: outcome.jumpTo,
    items: outcome.items.map((hit) => ({
      id: hit.id,
      projectId: hit.projectId,
      projectKey: hit.projectKey,
      key: hit.key,
      number: hit.number,
      title: hit.title,
      statusId: hit.statusId,
      statusCategory: hit.statusCategory,
      priority: hit.priority,
      assignee: hit.assignee,
      labels: hit.labels as SearchResult['items'][number]['labels'],
      estimateMinutes: hit.estimateMinutes,
      loggedSeconds: hit.loggedSeconds,
      dueDate: hit.dueDate,
      parentId: hit.parentId,
      boardPosition: hit.boardPosition,
      version: hit.version,
      createdAt: hit.createdAt.toISOString(),
      updatedAt: hit.updatedAt.toISOString(),
      deletedAt: hit.deletedAt?.toISOString() ?? null,
      snippet: hit.snippet,
    })),
  };
}

export function searchRoutes(fastify: FastifyInstance, { db }: ApiContext): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/search', {
    schema: {
      tags: ['search'],
      summary: 'Full-text search over titles, descriptions and comments; an item key such as OPS-12 also answers `jumpTo`',
      description:
        'Words must all appear; the last one may be unfinished (`deplo` finds `deploy`). Search-engine syntax works too: ' +
        '"exact phrase", `or`, `-word` to leave out. Items in the trash are never found. `snippet` is plain text.',
      querystring: searchQuerySchema,
      response: { 200: searchResultSchema },
    },
  }, async (request) => {
    const caller = await requireCaller(db, request);
    return present(await searchItems(db, caller, request.query));
  });
}
