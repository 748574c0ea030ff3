// Projects, statuses, labels, work items, comments, activity, views and the inbox: the shapes the
// API validates and answers with, and the web app's types. Ids are uuids; times are ISO strings.
import { z } from 'zod';

const id = z.uuid();
const isoTime = z.string().describe('ISO 8601 timestamp');
/** A calendar day that exists (no 2026-02-30, no year 0), as 'YYYY-MM-DD'. */
const isRealDate = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && date.getUTCFullYear() >= 1;
};
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-12-24')
  .refine(isRealDate, 'That day does not exist: use a date like 2026-12-24');

export const idParamsSchema = z.object({ id });

// ── Projects and statuses ───────────────────────────────────────────────────────────────────────

export const PROJECT_KEY_PATTERN = /^[A-Z][A-Z0-9]{1,9}$/;
export const projectKeySchema = z
  .string()
  .trim()
  .regex(PROJECT_KEY_PATTERN, 'Use 2–10 capital letters or digits, starting with a letter (e.g. OPS)');

export const statusCategorySchema = z.enum(['backlog', 'unstarted', 'started', 'completed', 'cancelled']);
export type StatusCategory = z.infer<typeof statusCategorySchema>;

export const statusSchema = z.object({ id, name: z.string(), category: statusCategorySchema, position: z.number().int() });
export type Status = z.infer<typeof statusSchema>;

export const projectSchema = z.object({
  id,
  key: z.string(),
  name: z.string(),
  description: z.string(),
  archivedAt: isoTime.nullable(),
  createdAt: isoTime,
  statuses: z.array(statusSchema),
  /** Open items (not completed, not cancelled, not in the trash). */
  openItems: z.number().int(),
});
export type Project = z.infer<typeof projectSchema>;
export const projectListQuerySchema = z.object({
  /** `true` to include archived projects. */
  archived: z.stringbool().default(false),
});
export const projectListSchema = z.object({ projects: z.array(projectSchema) });

export const createProjectSchema = z.object({
  key: projectKeySchema,
  name: z.string().trim().min(1, 'Give the project a name').max(100),
  description: z.string().max(10_000).optional(),
});
export const updateProjectSchema = z.object({
  name: z.string().trim().min(1, 'Give the project a name').max(100).optional(),
  description: z.string().max(10_000).optional(),
  archived: z.boolean().optional(),
  /** Refused when present: items are numbered with the key, so it never changes. */
  key: z.never({ error: "A project's key cannot change: its items are already numbered with it" }).optional(),
});
export const createStatusSchema = z.object({
  name: z.string().trim().min(1, 'Name the status').max(40),
  category: statusCategorySchema,
});
export const updateStatusSchema = z.object({ name: z.string().trim().min(1).max(40).optional(), category: statusCategorySchema.optional() });
/** The project's status ids in their new order (all of them, each once). */
export const reorderStatusesSchema = z.object({ statusIds: z.array(id).min(1) });
/** Deleting a status moves its items (trash included) to another status of the same project. */
export const deleteStatusSchema = z.object({ moveTo: id });

// ── Labels ──────────────────────────────────────────────────────────────────────────────────────

export const labelColorSchema = z.enum(['gray', 'red', 'orange', 'yellow', 'green', 'teal', 'blue', 'purple', 'pink']);
export const labelSchema = z.object({ id, name: z.string(), color: labelColorSchema });
export type Label = z.infer<typeof labelSchema>;
export const labelListSchema = z.object({ labels: z.array(labelSchema) });
export const createLabelSchema = z.object({ name: z.string().trim().min(1).max(50), color: labelColorSchema.optional() });
export const updateLabelSchema = z.object({ name: z.string().trim().min(1).max(50).optional(), color: labelColorSchema.optional() });

// ── Work items ──────────────────────────────────────────────────────────────────────────────────

export const prioritySchema = z.enum(['urgent', 'high', 'medium', 'low', 'none']);
export type Priority = z.infer<typeof prioritySchema>;
export const itemSourceSchema = z.enum(['web', 'api', 'mcp', 'slack']);

export const personRefSchema = z.object({ id, name: z.string(), handle: z.string().nullable() });
export type PersonRef = z.infer<typeof personRefSchema>;

/** An item as lists, boards and search show it. */
export const itemSummarySchema = z.object({
  id,
  projectId: id,
  /** "OPS-12" */
  key: z.string(),
  number: z.number().int(),
  title: z.string(),
  statusId: id,
  statusCategory: statusCategorySchema,
  priority: prioritySchema,
  assignee: personRefSchema.nullable(),
  labels: z.array(labelSchema),
  estimateMinutes: z.number().int().nullable(),
  /** Seconds of finished time entries on the item, everyone's (the plan-vs-actual meter; running timers excluded). */
  loggedSeconds: z.number().int(),
  dueDate: isoDate.nullable(),
  parentId: id.nullable(),
  boardPosition: z.number(),
  version: z.number().int(),
  createdAt: isoTime,
  updatedAt: isoTime,
  deletedAt: isoTime.nullable(),
});
export type ItemSummary = z.infer<typeof itemSummarySchema>;

/** The item page: everything in the summary plus the description and relations. */
export const itemSchema = itemSummarySchema.extend({
  description: z.string(),
  /** The description rendered to safe HTML (raw HTML in markdown is escaped; links are http(s)/mailto only). */
  descriptionHtml: z.string(),
  source: itemSourceSchema,
  createdBy: personRefSchema.nullable(),
  parent: z.object({ id, key: z.string(), title: z.string() }).nullable(),
  subtasks: z.array(itemSummarySchema),
  watching: z.boolean(),
});
export type Item = z.infer<typeof itemSchema>;

const title = z.string().trim().min(1, 'Give the item a title').max(500);
const estimate = z.number().int().min(1).max(1_000_000).nullable();

export const createItemSchema = z.object({
  title,
  description: z.string().max(100_000).optional(),
  statusId: id.optional(),
  priority: prioritySchema.optional(),
  assigneeId: id.nullable().optional(),
  /** Label ids, or names to find or create. */
  labels: z.array(z.string().min(1).max(50)).max(20).optional(),
  estimateMinutes: estimate.optional(),
  dueDate: isoDate.nullable().optional(),
  parentId: id.nullable().optional(),
  source: itemSourceSchema.optional(),
});
export type CreateItem = z.infer<typeof createItemSchema>;

/** Every write names the version it was based on; a stale one answers 409 `conflict`. */
export const updateItemSchema = z.object({
  version: z.number().int(),
  title: title.optional(),
  description: z.string().max(100_000).optional(),
  statusId: id.optional(),
  priority: prioritySchema.optional(),
  assigneeId: id.nullable().optional(),
  labels: z.array(z.string().min(1).max(50)).max(20).optional(),
  estimateMinutes: estimate.optional(),
  dueDate: isoDate.nullable().optional(),
  parentId: id.nullable().optional(),
});
export type UpdateItem = z.infer<typeof updateItemSchema>;

/** A board drop: the new status and the neighbours it landed between (null at a column's end). */
export const moveItemSchema = z.object({
  version: z.number().int(),
  statusId: id,
  afterId: id.nullable(),
  beforeId: id.nullable(),
});

/** The most items one page of a list may hold; a project's board (`sort=board`) may ask for ITEM_BOARD_LIMIT. */
export const ITEM_LIST_LIMIT = 200;
export const ITEM_BOARD_LIMIT = 1000;

export const itemListQuerySchema = z.object({
  projectId: id.optional(),
  /** A project by its key instead (e.g. OPS): a board can ask for its cards before it has the project's id. */
  projectKey: z.string().trim().toUpperCase().max(10).optional(),
  /** Comma-separated user ids; `me` for the caller; `none` for unassigned. */
  assignee: z.string().max(1000).optional(),
  label: z.string().max(1000).optional(),
  priority: z.string().max(100).optional(),
  statusCategory: z.string().max(100).optional(),
  statusId: z.string().max(1000).optional(),
  due: z.enum(['overdue', 'soon', 'none', 'any']).optional(),
  q: z.string().max(200).optional(),
  builtIn: z.enum(['my-work', 'due-soon', 'overdue']).optional(),
  sort: z.enum(['board', 'number', 'priority', 'due', 'updated', 'created', 'title']).default('board'),
  order: z.enum(['asc', 'desc']).default('asc'),
  /** `true` lists the trash (only trashed items). (`stringbool`: the query string `false` means false.) */
  trashed: z.stringbool().default(false),
  /** 1 to 200; up to ITEM_BOARD_LIMIT for a board (`sort=board` with `projectId` or `projectKey`), which shows every card at once. */
  limit: z.coerce.number().int().min(1).max(ITEM_BOARD_LIMIT).default(50),
  /** Opaque, from the previous page's `nextCursor`. */
  cursor: z.string().max(500).optional(),
});
export type ItemListQuery = z.infer<typeof itemListQuerySchema>;
export const itemListSchema = z.object({ items: z.array(itemSummarySchema), nextCursor: z.string().nullable() });

export const activitySchema = z.object({
  id: z.number().int(),
  actor: personRefSchema.nullable(),
  /**
   * 'created', 'title', 'description', 'status', 'priority', 'assignee', 'labels', 'estimate', 'dueDate', 'parent', 'deleted', 'restored',
   * 'comment' (newValue `{ mentions: userId[] }`), 'comment_edited' (an edit that mentions someone new: `{ mentions: userId[] }`, only the new ones)
   */
  field: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  createdAt: isoTime,
});
export type Activity = z.infer<typeof activitySchema>;
/** An item's history, oldest first. */
export const activityListSchema = z.object({ activity: z.array(activitySchema) });
export const itemKeyParamsSchema = z.object({ key: z.string().max(30) });

// ── Comments ────────────────────────────────────────────────────────────────────────────────────

export const commentSchema = z.object({
  id,
  itemId: id,
  author: personRefSchema.nullable(),
  body: z.string(),
  /** Rendered like descriptions; `@handle` mentions become links. */
  bodyHtml: z.string(),
  createdAt: isoTime,
  editedAt: isoTime.nullable(),
});
export type Comment = z.infer<typeof commentSchema>;
export const createCommentSchema = z.object({ body: z.string().trim().min(1, 'Write something first').max(50_000) });
/** Only the author edits a comment; the edit is marked (`editedAt`). */
export const updateCommentSchema = createCommentSchema;
export const commentListSchema = z.object({ comments: z.array(commentSchema) });

// ── Quick-add ───────────────────────────────────────────────────────────────────────────────────

export const quickAddRequestSchema = z.object({
  projectId: id,
  text: z.string().trim().min(1, 'Type a title').max(1000),
  /** Only parse and report; create nothing (the web app's live preview). */
  dryRun: z.boolean().default(false),
});
export const quickAddResponseSchema = z.object({
  item: itemSchema.nullable(),
  understood: z.array(z.object({ kind: z.string(), text: z.string(), value: z.string(), start: z.number(), end: z.number() })),
  problems: z.array(z.object({ kind: z.string(), text: z.string().optional(), message: z.string() })),
});

// ── Search and saved views ──────────────────────────────────────────────────────────────────────

export const searchQuerySchema = z.object({ q: z.string().trim().min(1).max(200), limit: z.coerce.number().int().min(1).max(50).default(20) });
export const searchResultSchema = z.object({
  /** Set when q is an item key like OPS-12 that exists: the client jumps there. */
  jumpTo: z.object({ id, key: z.string() }).nullable(),
  /**
   * Best match first. `snippet` is plain text (never HTML; escape it when showing it): the part of the
   * description or of a comment around the words found, or the start of the description.
   */
  items: z.array(itemSummarySchema.extend({ projectKey: z.string(), snippet: z.string() })),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const savedViewQuerySchema = itemListQuerySchema.omit({ cursor: true, limit: true, trashed: true }).extend({
  layout: z.enum(['list', 'board']).default('list'),
  groupBy: z.enum(['none', 'status', 'assignee', 'priority', 'label']).default('none'),
});
export const savedViewSchema = z.object({
  id,
  name: z.string(),
  shared: z.boolean(),
  projectId: id.nullable(),
  owner: personRefSchema,
  query: savedViewQuerySchema,
});
export type SavedView = z.infer<typeof savedViewSchema>;
export const createSavedViewSchema = z.object({
  name: z.string().trim().min(1).max(80),
  shared: z.boolean().default(false),
  projectId: id.nullable().default(null),
  query: savedViewQuerySchema,
});
/**
 * Fields left out stay as they are; a `query` given replaces the stored one whole. (Not
 * `createSavedViewSchema.partial()`: its defaults would quietly un-share and un-scope a view.)
 */
export const updateSavedViewSchema = z.object({
  name: createSavedViewSchema.shape.name.optional(),
  shared: z.boolean().optional(),
  projectId: id.nullable().optional(),
  query: savedViewQuerySchema.optional(),
});
export const savedViewListSchema = z.object({ views: z.array(savedViewSchema) });

// ── Inbox ───────────────────────────────────────────────────────────────────────────────────────

export const notificationKindSchema = z.enum(['assigned', 'mentioned', 'commented', 'status_changed', 'due_soon', 'overdue']);
export const notificationSchema = z.object({
  id,
  kind: notificationKindSchema,
  item: z.object({ id, key: z.string(), title: z.string() }),
  actor: personRefSchema.nullable(),
  commentId: id.nullable(),
  /** How many events collapsed into this one while it was unread. */
  count: z.number().int(),
  createdAt: isoTime,
  updatedAt: isoTime,
  readAt: isoTime.nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;
export const inboxSchema = z.object({
  notifications: z.array(notificationSchema),
  /** All unread notifications of the caller, not only the ones on this page. */
  unread: z.number().int(),
});
export type Inbox = z.infer<typeof inboxSchema>;
export const inboxQuerySchema = z.object({
  /** `true`: only unread notifications. */
  unread: z.stringbool().default(false),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const inboxReadAllResultSchema = z.object({ marked: z.number().int().describe('How many notifications were marked read') });
