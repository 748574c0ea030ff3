// The item list behind boards, lists and built-in views: filters, a sort, and keyset pagination
// (a page continues strictly after the last row's sort key + id, so pages never overlap or skip,
// however deep). One query per page, labels included.
import { and, asc, desc, eq, inArray, isNotNull, isNull, notInArray, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Executor } from '../client';
import { itemLabels, items, organizations, projects, statuses } from '../schema';
import { assignee, itemSummaryColumns, labelsJsonOf, loggedSecondsOf } from './items.repo';
import { preparedOn } from './prepared';

export type ItemSort = 'board' | 'number' | 'priority' | 'due' | 'updated' | 'created' | 'title';
export type DueFilter = 'overdue' | 'soon' | 'none' | 'any';
type Priority = (typeof items.priority.enumValues)[number];
type Category = (typeof statuses.category.enumValues)[number];

export interface ItemListFilter {
  organizationId: string;
  /** Without a project, archived projects' items are left out. */
  projectId?: string;
  /** true: only the trash; false: everything but the trash. */
  trashed: boolean;
  assignee?: { ids: string[]; unassigned: boolean };
  /** Assigned to exactly this person (My work). */
  assignedTo?: string;
  /** Any of these labels. */
  labelIds?: string[];
  priorities?: Priority[];
  statusCategories?: Category[];
  statusIds?: string[];
  /** Every one must hold; days count in the organization's time zone. */
  due?: DueFilter[];
  /** Not completed and not cancelled. */
  openOnly?: boolean;
  /** Case-insensitive substring of the title. */
  titleContains?: string;
}

export interface ItemListPage {
  sort: ItemSort;
  order: 'asc' | 'desc';
  limit: number;
  /** The previous page's last row: its sort key values (as text) and id. */
  after?: { keys: string[]; id: string };
}

/** SQL types of each sort's key columns, in order; the id always breaks ties last. */
const KEY_TYPES = {
  int: /^-?\d{1,10}$/,
  float8: /^(-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?|-?Infinity)$/i,
  item_priority: /^(urgent|high|medium|low|none)$/,
  date: /^(\d{4}-\d{2}-\d{2}|-?infinity)$/,
  timestamptz: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/,
  text: /^[\s\S]{0,500}$/,
} as const;
type KeyType = keyof typeof KEY_TYPES;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function sortKeys(sort: ItemSort, order: 'asc' | 'desc'): { expr: SQL; type: KeyType }[] {
  switch (sort) {
    case 'board':
      return [{ expr: sql`${statuses.position}`, type: 'int' }, { expr: sql`${items.boardPosition}`, type: 'float8' }];
    case 'number':
      return [{ expr: sql`${items.number}`, type: 'int' }];
    case 'priority':
      // The enum's order is urgent → none, so ascending is "most urgent first".
      return [{ expr: sql`${items.priority}`, type: 'item_priority' }, { expr: sql`${items.number}`, type: 'int' }];
    case 'due':
      // Items without a due date come last in both directions.
      return [
        // A literal, not a parameter: the asc expression must match items_project_due_idx.
        { expr: sql`coalesce(${items.dueDate}, ${sql.raw(order === 'asc' ? "'infinity'" : "'-infinity'")}::date)`, type: 'date' },
        { expr: sql`${items.number}`, type: 'int' },
      ];
    case 'updated':
      return [{ expr: sql`${items.updatedAt}`, type: 'timestamptz' }];
    case 'created':
      return [{ expr: sql`${items.createdAt}`, type: 'timestamptz' }];
    case 'title':
      return [{ expr: sql`lower(${items.title})`, type: 'text' }];
  }
}

/** Whether a decoded cursor has the shape this sort's keys need (so it can never break the SQL). */
export function isValidItemCursor(sort: ItemSort, after: { keys: unknown; id: unknown }): after is { keys: string[]; id: string } {
  const types = sortKeys(sort, 'asc').map((k) => k.type);
  const values = after.keys;
  return (
    typeof after.id === 'string' &&
    UUID.test(after.id) &&
    Array.isArray(values) &&
    values.length === types.length &&
    types.every((type, i) => typeof values[i] === 'string' && KEY_TYPES[type].test(values[i]))
  );
}

function conditions(filter: ItemListFilter): SQL[] {
  const today = sql`(now() AT TIME ZONE (SELECT ${organizations.timeZone} FROM ${organizations} WHERE ${organizations.id} = ${filter.organizationId}))::date`;
  const where: (SQL | undefined)[] = [
    eq(items.organizationId, filter.organizationId),
    filter.trashed ? isNotNull(items.deletedAt) : isNull(items.deletedAt),
    filter.projectId ? eq(items.projectId, filter.projectId) : isNull(projects.archivedAt),
  ];
  if (filter.assignee) {
    const { ids, unassigned } = filter.assignee;
    where.push(or(ids.length > 0 ? inArray(items.assigneeId, ids) : undefined, unassigned ? isNull(items.assigneeId) : undefined) ?? sql`false`);
  }
  if (filter.assignedTo) where.push(eq(items.assigneeId, filter.assignedTo));
  if (filter.labelIds?.length) {
    where.push(sql`EXISTS (SELECT 1 FROM ${itemLabels} WHERE ${itemLabels.itemId} = ${items.id} AND ${inArray(itemLabels.labelId, filter.labelIds)})`);
  }
  if (filter.priorities?.length) where.push(inArray(items.priority, filter.priorities));
  if (filter.statusCategories?.length) where.push(inArray(statuses.category, filter.statusCategories));
  if (filter.statusIds?.length) where.push(inArray(items.statusId, filter.statusIds));
  for (const due of filter.due ?? []) {
    if (due === 'overdue') where.push(sql`${items.dueDate} < ${today}`);
    if (due === 'soon') where.push(sql`${items.dueDate} BETWEEN ${today} AND ${today} + 7`);
    if (due === 'none') where.push(isNull(items.dueDate));
    if (due === 'any') where.push(isNotNull(items.dueDate));
  }
  if (filter.openOnly) where.push(notInArray(statuses.category, ['completed', 'cancelled']));
  if (filter.titleContains) {
    // ILIKE with the user's %, _ and \ taken literally (backslash is ILIKE's default escape).
    where.push(sql`${items.title} ILIKE ${`%${filter.titleContains.replace(/[\\%_]/g, '\\$&')}%`}`);
  }
  return where.filter((c): c is SQL => c !== undefined);
}

/** The page's query, unexecuted (for `listItemRows`, and for EXPLAIN in tests). */
export function itemListQuery(db: Executor, filter: ItemListFilter, page: ItemListPage) {
  if (page.sort === 'board' && filter.projectId) return boardQuery(db, filter, page);
  const keys = sortKeys(page.sort, page.order);
  const where = conditions(filter);
  if (page.after) {
    const mine = sql.join([...keys.map((k) => k.expr), sql`${items.id}`], sql`, `);
    const theirs = sql.join(
      [...page.after.keys.map((value, i) => sql`${value}::${sql.raw(keys[i]!.type)}`), sql`${page.after.id}::uuid`],
      sql`, `,
    );
    where.push(page.order === 'asc' ? sql`(${mine}) > (${theirs})` : sql`(${mine}) < (${theirs})`);
  }
  const direction = page.order === 'asc' ? asc : desc;
  return db
    .select({
      ...itemSummaryColumns,
      labels: labelsJsonOf(items.id),
      sortKeys: sql<string[]>`ARRAY[${sql.join(keys.map((k) => sql`(${k.expr})::text`), sql`, `)}]`,
    })
    .from(items)
    .innerJoin(projects, eq(projects.id, items.projectId))
    .innerJoin(statuses, eq(statuses.id, items.statusId))
    .leftJoin(assignee, eq(assignee.id, items.assigneeId))
    .where(and(...where))
    .orderBy(...keys.map((k) => direction(k.expr)), direction(items.id))
    .limit(page.limit + 1);
}

/**
 * A project's board order (status position, then position in the column) without sorting the
 * whole project: for each status in order, a LATERAL walk of items_board_idx that stops after a
 * page's worth of rows. Same rows, same cursor as the general query.
 */
function boardQuery(db: Executor, filter: ItemListFilter, page: ItemListPage, take: number | Placeholder = page.limit + 1) {
  const direction = page.order === 'asc' ? asc : desc;
  const after = page.after;
  const itemWhere = [...conditions(filter), eq(items.statusId, statuses.id)];
  if (after) {
    const [position, boardPosition] = after.keys as [string, string];
    const [beyond, bound, open] = page.order === 'asc' ? [sql`>`, sql`>=`, '-Infinity'] : [sql`<`, sql`<=`, 'Infinity'];
    itemWhere.push(
      sql`(${statuses.position} <> ${position}::int OR (${items.boardPosition}, ${items.id}) ${beyond} (${boardPosition}::float8, ${after.id}::uuid))`,
      // The same bound in a form the index can seek to, so a deep page does not walk the column's start.
      sql`${items.boardPosition} ${bound} CASE WHEN ${statuses.position} = ${position}::int THEN ${boardPosition}::float8 ELSE ${open}::float8 END`,
    );
  }
  // Joined columns and per-item sums come in the outer query: only for the rows the page returns.
  const { projectKey: _key, statusName: _name, statusCategory: _category, assigneeName: _an, assigneeHandle: _ah, loggedSeconds: _logged, ...itemColumns } =
    itemSummaryColumns;
  const column = db
    .select(itemColumns)
    .from(items)
    .where(and(...itemWhere))
    .orderBy(direction(items.boardPosition), direction(items.id))
    .limit(take)
    .as('i');
  const statusWhere = [eq(statuses.projectId, filter.projectId!)];
  if (after) statusWhere.push(page.order === 'asc' ? sql`${statuses.position} >= ${after.keys[0]}::int` : sql`${statuses.position} <= ${after.keys[0]}::int`);
  return db
    .select({
      ...column._.selectedFields,
      projectKey: projects.key,
      statusName: statuses.name,
      statusCategory: statuses.category,
      assigneeName: assignee.name,
      assigneeHandle: assignee.handle,
      labels: labelsJsonOf(column.id),
      loggedSeconds: loggedSecondsOf(column.id),
      sortKeys: sql<string[]>`ARRAY[${statuses.position}::text, ${column.boardPosition}::text]`,
    })
    .from(statuses)
    .innerJoinLateral(column, sql`true`)
    .innerJoin(projects, eq(projects.id, statuses.projectId))
    .leftJoin(assignee, eq(assignee.id, column.assigneeId))
    .where(and(...statusWhere))
    .orderBy(direction(statuses.position), direction(column.boardPosition), direction(column.id))
    .limit(take);
}

/** Nothing filtered but the project (and trash or not): what the web app's board asks for. */
function isPlainBoard(filter: ItemListFilter, page: ItemListPage): boolean {
  const none = (list?: unknown[]) => !list || list.length === 0;
  return (
    page.sort === 'board' &&
    filter.projectId !== undefined &&
    !filter.assignee &&
    !filter.assignedTo &&
    !filter.openOnly &&
    !filter.titleContains &&
    none(filter.labelIds) &&
    none(filter.priorities) &&
    none(filter.statusCategories) &&
    none(filter.statusIds) &&
    none(filter.due)
  );
}

/**
 * A plain board page (isPlainBoard) as a named prepared statement, one per direction, trash or
 * not, and first page or not (prepared.ts): drizzle builds it once, and each connection plans it
 * once. Its SQL is boardQuery's, with the values as parameters. Undefined for any other list.
 */
function plainBoardPage(db: Executor, filter: ItemListFilter, page: ItemListPage) {
  if (!isPlainBoard(filter, page)) return undefined;
  const name = `rytask_board_${page.order}_${filter.trashed ? 'trash' : 'live'}_${page.after ? 'next' : 'first'}`;
  const statement = preparedOn(db, name, (root) => {
    const value = (key: string) => sql.placeholder(key) as unknown as string;
    const shape: ItemListFilter = { organizationId: value('organizationId'), projectId: value('projectId'), trashed: filter.trashed };
    const after = page.after ? { keys: [value('position'), value('boardPosition')], id: value('afterId') } : undefined;
    return boardQuery(root, shape, { ...page, after }, sql.placeholder('take')).prepare(name);
  });
  return statement?.execute({
    organizationId: filter.organizationId,
    projectId: filter.projectId,
    take: page.limit + 1,
    ...(page.after ? { position: page.after.keys[0], boardPosition: page.after.keys[1], afterId: page.after.id } : {}),
  });
}

/** One page of items (`limit` + 1 rows are read to know whether another page follows). */
export async function listItemRows(db: Executor, filter: ItemListFilter, page: ItemListPage) {
  const rows = await (plainBoardPage(db, filter, page) ?? itemListQuery(db, filter, page));
  const more = rows.length > page.limit;
  const pageRows = more ? rows.slice(0, page.limit) : rows;
  const last = pageRows.at(-1);
  return { rows: pageRows, next: more && last ? { keys: last.sortKeys, id: last.id } : null };
}
