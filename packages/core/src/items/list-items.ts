// The item list: the query string's filters and built-in views turned into a filter, a sort and
// an opaque cursor (base64url JSON of the last row's sort key and id).
import { findProjectByKey, isValidItemCursor, listItemRows, type Database, type ItemListFilter, type ItemSort } from '@rytask/db';
import { ITEM_BOARD_LIMIT, ITEM_LIST_LIMIT, prioritySchema, statusCategorySchema, type ItemListQuery } from '@rytask/contracts';
import { AppError } from '../errors';
import type { Caller } from '../session';
import type { ItemSummaryView } from './item-view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A comma-separated list, each entry checked; the field is named when one is wrong. */
function list<T extends string>(value: string | undefined, field: string, valid: (entry: string) => entry is T, what: string): T[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const entries = value.split(',').map((e) => e.trim()).filter(Boolean);
  const wrong = entries.find((e) => !valid(e));
  if (wrong !== undefined) throw new AppError('validation_failed', `“${wrong}” is not ${what}.`, { field });
  return [...new Set(entries)] as T[];
}

const isUuid = (e: string): e is string => UUID.test(e);
const isPriority = (e: string): e is (typeof prioritySchema.options)[number] => prioritySchema.safeParse(e).success;
const isCategory = (e: string): e is (typeof statusCategorySchema.options)[number] => statusCategorySchema.safeParse(e).success;

function encodeCursor(sort: ItemSort, order: string, next: { keys: string[]; id: string }): string {
  return Buffer.from(JSON.stringify({ s: sort, o: order, k: next.keys, i: next.id })).toString('base64url');
}

function decodeCursor(cursor: string, sort: ItemSort, order: string): { keys: string[]; id: string } {
  const invalid = () => new AppError('validation_failed', 'This page link is not valid for this list any more. Start from the first page.', { field: 'cursor' });
  let parsed: { s?: unknown; o?: unknown; k?: unknown; i?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const after = { keys: parsed?.k, id: parsed?.i };
  if (parsed?.s !== sort || parsed.o !== order || !isValidItemCursor(sort, after)) throw invalid();
  return after;
}

export function itemListFilter(caller: Caller, query: ItemListQuery): ItemListFilter {
  const filter: ItemListFilter = { organizationId: caller.organization.id, projectId: query.projectId, trashed: query.trashed };
  const assignees = list(query.assignee, 'assignee', (e): e is string => isUuid(e) || e === 'me' || e === 'none', 'a person’s id, “me” or “none”');
  if (assignees) {
    filter.assignee = {
      ids: assignees.filter(isUuid).concat(assignees.includes('me') ? [caller.user.id] : []),
      unassigned: assignees.includes('none'),
    };
  }
  filter.labelIds = list(query.label, 'label', isUuid, 'a label id');
  filter.priorities = list(query.priority, 'priority', isPriority, 'a priority (urgent, high, medium, low, none)');
  filter.statusCategories = list(query.statusCategory, 'statusCategory', isCategory, 'a status category (backlog, unstarted, started, completed, cancelled)');
  filter.statusIds = list(query.statusId, 'statusId', isUuid, 'a status id');
  filter.due = query.due ? [query.due] : [];
  if (query.q?.trim()) filter.titleContains = query.q.trim();
  // Built-in views add their conditions to whatever else is filtered.
  if (query.builtIn === 'my-work') Object.assign(filter, { assignedTo: caller.user.id, openOnly: true });
  if (query.builtIn === 'due-soon') Object.assign(filter, { due: [...filter.due, 'soon'], openOnly: true });
  if (query.builtIn === 'overdue') Object.assign(filter, { due: [...filter.due, 'overdue'], openOnly: true });
  return filter;
}

/** `projectKey` names the project instead of `projectId`: another organization's key is no project (404). */
async function withProjectId(db: Database, caller: Caller, query: ItemListQuery): Promise<ItemListQuery> {
  if (query.projectKey === undefined) return query;
  const project = await findProjectByKey(db, caller.organization.id, query.projectKey);
  if (!project) throw new AppError('not_found', `There is no project ${query.projectKey}.`);
  if (query.projectId !== undefined && query.projectId !== project.id) {
    throw new AppError('validation_failed', 'projectId and projectKey name different projects: send one of them.', { field: 'projectKey' });
  }
  return { ...query, projectId: project.id };
}

export async function listItems(db: Database, caller: Caller, request: ItemListQuery): Promise<{ items: ItemSummaryView[]; nextCursor: string | null }> {
  const query = await withProjectId(db, caller, request);
  if (query.limit > ITEM_LIST_LIMIT && !(query.sort === 'board' && query.projectId)) {
    throw new AppError('validation_failed', `A page holds at most ${ITEM_LIST_LIMIT} items (${ITEM_BOARD_LIMIT} for a project's board: sort=board with projectId or projectKey).`, { field: 'limit' });
  }
  const filter = itemListFilter(caller, query);
  const after = query.cursor ? decodeCursor(query.cursor, query.sort, query.order) : undefined;
  const { rows, next } = await listItemRows(db, filter, { sort: query.sort, order: query.order, limit: query.limit, after });
  return {
    items: rows.map(({ sortKeys: _keys, ...row }) => row),
    nextCursor: next ? encodeCursor(query.sort, query.order, next) : null,
  };
}
