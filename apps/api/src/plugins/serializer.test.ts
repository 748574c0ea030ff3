import { itemListSchema, itemSchema } from '@rytask/contracts';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { serializerCompiler } from './serializer';

const compile = (schema: unknown) => serializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' } as never);
const zod = (schema: unknown) => zodSerializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' } as never);

const summary = {
  id: '7e40759a-01ed-4f5e-99aa-1165e13f2fd4',
  projectId: '9746cd5b-2302-4e9a-83aa-f66bc1e2a62d',
  key: 'OPS-12',
  number: 12,
  title: 'Quote " backslash \\ and <b>markup</b> \u2028 ✓',
  statusId: 'c0f297be-09d2-4f56-ac78-08a5e6c21341',
  statusCategory: 'started',
  priority: 'high',
  assignee: { id: 'f903eb7f-289d-4703-a900-d62adba38208', name: 'Ada', handle: null },
  labels: [{ id: '2f9b47b1-de74-4458-88f5-df13e24bde75', name: 'bug', color: 'red' }],
  estimateMinutes: null,
  loggedSeconds: 5400,
  dueDate: '2030-12-24',
  parentId: null,
  boardPosition: 1.5,
  version: 3,
  createdAt: '2026-11-26T08:00:00.000Z',
  updatedAt: '2026-11-26T08:00:00.123Z',
  deletedAt: null,
};

describe('the response serializer', () => {
  it('writes what the zod serializer writes, for a list page and an item', () => {
    const page = { items: [summary, { ...summary, assignee: null, labels: [], estimateMinutes: 90, dueDate: null, parentId: summary.id }], nextCursor: 'abc' };
    expect(JSON.parse(compile(itemListSchema)(page))).toEqual(JSON.parse(zod(itemListSchema)(page)));
    const item = {
      ...summary,
      description: 'Steps',
      descriptionHtml: '<p>Steps</p>\n',
      source: 'web',
      createdBy: { id: summary.id, name: 'Bo', handle: 'bo' },
      parent: null,
      subtasks: [summary],
      watching: true,
    };
    expect(JSON.parse(compile(itemSchema)(item))).toEqual(JSON.parse(zod(itemSchema)(item)));
  });

  it('never sends a field the schema does not declare', () => {
    const leaky = { ...summary, passwordHash: 'secret', assignee: { ...summary.assignee, email: 'ada@example.com' } };
    const text = compile(itemListSchema)({ items: [leaky], nextCursor: null });
    expect(text).not.toContain('secret');
    expect(text).not.toContain('ada@example.com');
    expect(JSON.parse(text)).toEqual(JSON.parse(zod(itemListSchema)({ items: [leaky], nextCursor: null })));
  });
});
