// The drizzle schema: the source of truth for `npm run migration:generate`. Product tables arrive
// in later migrations; never edit a migration that has landed — change this file and generate.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const memberRole = pgEnum('member_role', ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER']);

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  // IANA zone: reports, "today" for quick-add dates and the morning due-date scan use it.
  timeZone: text('time_zone').notNull().default('UTC'),
  // 0 = Sunday … 6 = Saturday.
  weekStart: smallint('week_start').notNull().default(1),
  // What `~1d` means, and a working day in reports.
  workingMinutesPerDay: integer('working_minutes_per_day').notNull().default(480),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    // What `@mentions` and quick-add's `@user` match first. Unique per instance, case-insensitively.
    handle: text('handle'),
    // argon2id, PHC string format. Never leaves the server.
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`),
    uniqueIndex('users_handle_lower_key').on(sql`lower(${t.handle})`),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: memberRole('role').notNull(),
    // A deactivated member keeps their history (items, comments, time) but cannot sign in here.
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    // When this person last signed in to or switched to this organization: sign-in opens the latest.
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('memberships_organization_user_key').on(t.organizationId, t.userId),
    index('memberships_user_idx').on(t.userId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // sha256 of the cookie token: a leaked table cannot be replayed as cookies.
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_at_idx').on(t.expiresAt)],
);

/**
 * What the seed has inserted, one row per seeded thing. The seed consults this, not the data, so a
 * seeded row the user deleted stays deleted and a renamed one is never "fixed".
 */
export const seedLedger = pgTable('seed_ledger', {
  key: text('key').primaryKey(),
  rowId: text('row_id'),
  insertedAt: timestamp('inserted_at', { withTimezone: true }).notNull().defaultNow(),
});

// ── Identity: throttling, access tokens, invites ────────────────────────────────────────────────

/** Every sign-in attempt, for throttling and lockout per account and per IP (stateless api replicas). */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // lower(email) as typed, whether or not an account exists.
    email: text('email').notNull(),
    ip: text('ip'),
    succeeded: boolean('succeeded').notNull(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('login_attempts_email_idx').on(t.email, t.attemptedAt),
    index('login_attempts_ip_idx').on(t.ip, t.attemptedAt),
  ],
);

export const tokenScope = pgEnum('token_scope', ['read', 'read_write']);

/** Personal access tokens for `Authorization: Bearer`. Shown once; only the sha256 is kept. */
export const accessTokens = pgTable(
  'access_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    // The first characters of the token, to recognise it in a list.
    prefix: text('prefix').notNull(),
    scope: tokenScope('scope').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('access_tokens_user_idx').on(t.userId)],
);

/** Invite links: expiring, single use, with the role the new member gets. */
export const invites = pgTable(
  'invites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    role: memberRole('role').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    // Optional: who the link is meant for (shown to admins; not enforced).
    email: text('email'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('invites_organization_idx').on(t.organizationId)],
);

// ── Work: projects, statuses, labels, items ─────────────────────────────────────────────────────

export const statusCategory = pgEnum('status_category', ['backlog', 'unstarted', 'started', 'completed', 'cancelled']);
export const itemPriority = pgEnum('item_priority', ['urgent', 'high', 'medium', 'low', 'none']);
export const itemSource = pgEnum('item_source', ['web', 'api', 'mcp', 'slack']);

export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    // ^[A-Z][A-Z0-9]{1,9}$, unique in the organization; items are KEY-n.
    key: text('key').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    // The next item number. Only ever increases: a number is never reused, not even after deletion.
    nextItemNumber: integer('next_item_number').notNull().default(1),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('projects_organization_key_key').on(t.organizationId, t.key)],
);

export const statuses = pgTable(
  'statuses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    category: statusCategory('category').notNull(),
    position: integer('position').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('statuses_project_idx').on(t.projectId, t.position),
    uniqueIndex('statuses_project_name_key').on(t.projectId, sql`lower(${t.name})`),
  ],
);

export const labels = pgTable(
  'labels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    color: text('color').notNull().default('gray'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('labels_organization_name_key').on(t.organizationId, sql`lower(${t.name})`)],
);

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const items = pgTable(
  'items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    statusId: uuid('status_id')
      .notNull()
      .references(() => statuses.id),
    priority: itemPriority('priority').notNull().default('none'),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    estimateMinutes: integer('estimate_minutes'),
    dueDate: date('due_date'),
    parentId: uuid('parent_id').references((): AnyPgColumn => items.id, { onDelete: 'set null' }),
    source: itemSource('source').notNull().default('web'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    // Order within the board column (status); new positions go between neighbours.
    boardPosition: doublePrecision('board_position').notNull().default(0),
    // Optimistic concurrency: every write must name the version it read (409 otherwise).
    version: integer('version').notNull().default(1),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedBy: uuid('deleted_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    // Language-neutral full-text search ('simple': no stemming, no stop words).
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('simple', title || ' ' || description)`),
  },
  (t) => [
    uniqueIndex('items_project_number_key').on(t.projectId, t.number),
    index('items_board_idx').on(t.projectId, t.statusId, t.boardPosition),
    // The list's sorts within a project, so a page of a 10,000-item project reads a page, not the project.
    index('items_project_priority_idx').on(t.projectId, t.priority, t.number),
    index('items_project_due_idx').on(t.projectId, sql`coalesce(${t.dueDate}, 'infinity'::date)`, t.number),
    index('items_project_updated_idx').on(t.projectId, t.updatedAt),
    index('items_project_created_idx').on(t.projectId, t.createdAt),
    index('items_assignee_idx').on(t.organizationId, t.assigneeId),
    index('items_due_idx').on(t.organizationId, t.dueDate),
    index('items_parent_idx').on(t.parentId),
    index('items_search_idx').using('gin', t.search),
  ],
);

export const itemLabels = pgTable(
  'item_labels',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    labelId: uuid('label_id')
      .notNull()
      .references(() => labels.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.labelId] }), index('item_labels_label_idx').on(t.labelId)],
);

export const comments = pgTable(
  'comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: createdAt(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('simple', body)`),
  },
  (t) => [index('comments_item_idx').on(t.itemId, t.createdAt), index('comments_search_idx').using('gin', t.search)],
);

/**
 * Every change to an item, one row per field (and one for creation, deletion, restore, comments).
 * The worker turns new rows into notifications (`notifiedAt` marks the ones it has handled).
 */
export const itemActivity = pgTable(
  'item_activity',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    // 'created', 'title', 'status', 'assignee', …, 'comment', 'deleted', 'restored'.
    field: text('field').notNull(),
    oldValue: jsonb('old_value'),
    newValue: jsonb('new_value'),
    commentId: uuid('comment_id'),
    createdAt: createdAt(),
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
  },
  (t) => [
    index('item_activity_item_idx').on(t.itemId, t.id),
    index('item_activity_pending_idx').on(t.id).where(sql`notified_at IS NULL`),
  ],
);

export const itemWatchers = pgTable(
  'item_watchers',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.userId] }), index('item_watchers_user_idx').on(t.userId)],
);

export const notificationKind = pgEnum('notification_kind', ['assigned', 'mentioned', 'commented', 'status_changed', 'due_soon', 'overdue']);

/**
 * A user's inbox. `dedupeKey` collapses duplicates: one unread row per (user, key) whose count and
 * time move forward; `lastEventKey` makes delivering the same event twice a no-op.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    kind: notificationKind('kind').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    lastEventKey: text('last_event_key').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    commentId: uuid('comment_id'),
    eventCount: integer('event_count').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_user_dedupe_key').on(t.userId, t.dedupeKey),
    index('notifications_inbox_idx').on(t.userId, t.updatedAt),
  ],
);

/** Saved list/board filters: personal (owner only) or shared with the organization. */
export const savedViews = pgTable(
  'saved_views',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    shared: boolean('shared').notNull().default(false),
    // Filters, sort and grouping, validated by the API's schema.
    query: jsonb('query').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('saved_views_organization_idx').on(t.organizationId, t.ownerId)],
);

export const timeClass = pgEnum('time_class', ['planned', 'interruption']);

/**
 * Tracked time: one person's time on one item. A running timer is a row with no `endedAt` (and no
 * class yet: the class is fixed when it stops); the partial unique index allows one per person.
 * Times are whole seconds, so every report adds up to the second. Deleting an entry deletes the row.
 */
export const timeEntries = pgTable(
  'time_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    classification: timeClass('classification'),
    note: text('note').notNull().default(''),
    // 'timer' or 'manual': how the entry was made (shown in the entry list and the CSV).
    kind: text('kind').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('time_entries_one_running_timer').on(t.userId).where(sql`ended_at IS NULL`),
    index('time_entries_item_idx').on(t.itemId),
    index('time_entries_user_started_idx').on(t.userId, t.startedAt),
    index('time_entries_organization_started_idx').on(t.organizationId, t.startedAt),
    check('time_entries_kind', sql`${t.kind} IN ('timer', 'manual')`),
    check('time_entries_whole_seconds', sql`${t.startedAt} = date_trunc('second', ${t.startedAt}) AND ${t.endedAt} = date_trunc('second', ${t.endedAt})`),
    check('time_entries_length', sql`${t.endedAt} > ${t.startedAt} AND ${t.endedAt} <= ${t.startedAt} + interval '24 hours'`),
    check('time_entries_class_when_stopped', sql`(${t.endedAt} IS NULL) = (${t.classification} IS NULL)`),
  ],
);

/**
 * Report rollup: seconds of finished entries per organization-local day, person, item and class.
 * Written in the same transaction as every entry change (and rebuilt when the organization's time
 * zone changes), so a year's report sums a few thousand rows instead of a million entries.
 */
export const timeDayTotals = pgTable(
  'time_day_totals',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    classification: timeClass('classification').notNull(),
    seconds: bigint('seconds', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.day, t.userId, t.itemId, t.classification] }),
    index('time_day_totals_item_idx').on(t.itemId),
  ],
);
