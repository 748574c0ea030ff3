// Work rows written straight into a test database — projects with one status per category, items,
// watchers, activity — for the tests of comments, search, views and the inbox, which must not
// depend on the item endpoints (test/support/work.ts has the factories that go through them).
import { withClient } from './db';

export type Category = 'backlog' | 'unstarted' | 'started' | 'completed' | 'cancelled';

export interface TestItemSpec {
  title: string;
  description?: string;
  category?: Category;
  assigneeId?: string | null;
  createdBy?: string | null;
  /** YYYY-MM-DD */
  dueDate?: string | null;
  trashed?: boolean;
}

export interface TestProject {
  id: string;
  key: string;
  statuses: Record<Category, string>;
  items: { id: string; key: string; number: number; title: string }[];
}

let projectCounter = 0;

/** A project with one status per category and the items, numbered from 1. */
export async function createProjectWithItems(
  databaseUrl: string,
  organizationId: string,
  items: TestItemSpec[],
  options: { key?: string; name?: string } = {},
): Promise<TestProject> {
  const key = options.key ?? `R${++projectCounter}X`;
  return withClient(databaseUrl, async (client) => {
    const { rows: [project] } = await client.query<{ id: string }>(
      'INSERT INTO projects (organization_id, key, name, next_item_number) VALUES ($1, $2, $3, $4) RETURNING id',
      [organizationId, key, options.name ?? `Project ${key}`, items.length + 1],
    );
    const statuses = {} as Record<Category, string>;
    const categories: Category[] = ['backlog', 'unstarted', 'started', 'completed', 'cancelled'];
    for (const [position, category] of categories.entries()) {
      const { rows: [status] } = await client.query<{ id: string }>(
        'INSERT INTO statuses (project_id, name, category, position) VALUES ($1, $2, $3, $4) RETURNING id',
        [project!.id, category, category, position],
      );
      statuses[category] = status!.id;
    }
    const created: TestProject['items'] = [];
    for (const [index, spec] of items.entries()) {
      const number = index + 1;
      const { rows: [item] } = await client.query<{ id: string }>(
        `INSERT INTO items (organization_id, project_id, number, title, description, status_id, assignee_id, created_by, due_date, deleted_at, board_position)
         VALUES ($1, $2, $3::integer, $4, $5, $6, $7, $8, $9, CASE WHEN $10::boolean THEN now() END, $3::integer) RETURNING id`,
        [
          organizationId,
          project!.id,
          number,
          spec.title,
          spec.description ?? '',
          statuses[spec.category ?? 'unstarted'],
          spec.assigneeId ?? null,
          spec.createdBy ?? null,
          spec.dueDate ?? null,
          spec.trashed ?? false,
        ],
      );
      created.push({ id: item!.id, key: `${key}-${number}`, number, title: spec.title });
    }
    return { id: project!.id, key, statuses, items: created };
  });
}

export async function watch(databaseUrl: string, itemId: string, ...userIds: string[]): Promise<void> {
  await withClient(databaseUrl, async (client) => {
    for (const userId of userIds) {
      await client.query('INSERT INTO item_watchers (item_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [itemId, userId]);
    }
  });
}

/** An item_activity row as the item use cases write them; returns its id. */
export async function recordActivity(
  databaseUrl: string,
  values: { organizationId: string; itemId: string; actorId: string | null; field: string; oldValue?: unknown; newValue?: unknown; commentId?: string },
): Promise<number> {
  return withClient(databaseUrl, async (client) => {
    const { rows: [row] } = await client.query<{ id: string }>(
      `INSERT INTO item_activity (organization_id, item_id, actor_id, field, old_value, new_value, comment_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        values.organizationId,
        values.itemId,
        values.actorId,
        values.field,
        JSON.stringify(values.oldValue ?? null),
        JSON.stringify(values.newValue ?? null),
        values.commentId ?? null,
      ],
    );
    return Number(row!.id);
  });
}

export type NotificationRecord = {
  user_id: string;
  kind: string;
  item_id: string;
  actor_id: string | null;
  event_count: number;
  read_at: Date | null;
  comment_id: string | null;
};

/** Every notification in the database, by user, kind and item. */
export async function allNotifications(databaseUrl: string): Promise<NotificationRecord[]> {
  return withClient(databaseUrl, async (client) =>
    (
      await client.query<NotificationRecord>(
        'SELECT user_id, kind, item_id, actor_id, event_count, read_at, comment_id FROM notifications ORDER BY user_id, kind, item_id',
      )
    ).rows,
  );
}

let personCounter = 0;

/**
 * An organization and people in it, straight in the database (no sign-in: for worker tests).
 * Each person is a MEMBER with a unique handle, unless given a role.
 */
export async function createOrganizationRows<const Names extends readonly string[]>(
  databaseUrl: string,
  names: Names,
  options: { timeZone?: string; roles?: Partial<Record<Names[number], string>> } = {},
): Promise<{ id: string; people: Record<Names[number], string> }> {
  return withClient(databaseUrl, async (client) => {
    const n = ++personCounter;
    const { rows: [org] } = await client.query<{ id: string }>(
      'INSERT INTO organizations (name, slug, time_zone) VALUES ($1, $2, $3) RETURNING id',
      [`Org ${n}`, `org-rows-${n}`, options.timeZone ?? 'UTC'],
    );
    const people = {} as Record<Names[number], string>;
    for (const name of names as readonly Names[number][]) {
      const handle = `${name.toLowerCase()}-${n}`;
      const { rows: [user] } = await client.query<{ id: string }>(
        `INSERT INTO users (email, name, handle, password_hash) VALUES ($1, $2, $3, 'x') RETURNING id`,
        [`${handle}@example.test`, name, handle],
      );
      await client.query('INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, $3)', [
        org!.id,
        user!.id,
        options.roles?.[name] ?? 'MEMBER',
      ]);
      people[name] = user!.id;
    }
    return { id: org!.id, people };
  });
}

/** A comment and its 'comment' activity row, as POST /items/:id/comments writes them. */
export async function recordComment(
  databaseUrl: string,
  values: { organizationId: string; itemId: string; authorId: string; body?: string; mentions?: string[] },
): Promise<{ commentId: string; activityId: number }> {
  const commentId = await withClient(databaseUrl, async (client) => {
    const { rows: [row] } = await client.query<{ id: string }>(
      'INSERT INTO comments (organization_id, item_id, author_id, body) VALUES ($1, $2, $3, $4) RETURNING id',
      [values.organizationId, values.itemId, values.authorId, values.body ?? 'A comment'],
    );
    return row!.id;
  });
  const activityId = await recordActivity(databaseUrl, {
    organizationId: values.organizationId,
    itemId: values.itemId,
    actorId: values.authorId,
    field: 'comment',
    commentId,
    newValue: { mentions: values.mentions ?? [] },
  });
  return { commentId, activityId };
}
