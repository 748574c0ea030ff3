// The outbox between item activity and the inbox. Writers add item_activity rows and, in the same
// transaction, enqueueNotificationDelivery(); the worker claims pending rows (notified_at IS NULL)
// with FOR UPDATE SKIP LOCKED, writes notifications and marks the rows, all in one transaction.
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client';

export const DELIVER_NOTIFICATIONS_JOB = 'deliver-notifications';

/**
 * Queues the `deliver-notifications` job in the caller's transaction: it exists exactly when the
 * activity rows do (a rolled-back write queues nothing). Call it in every transaction that inserts
 * item_activity rows, preferably last (the job row is shared, so it is held only briefly). A job
 * already waiting absorbs the call (job_key), so a burst of writes runs one delivery; a job
 * already running is left alone and a new one is queued, so nothing written meanwhile waits for the
 * cron safety net. Needs graphile-worker's schema, which the api installs at boot.
 */
export async function enqueueNotificationDelivery(db: Executor): Promise<void> {
  await db.execute(sql`SELECT FROM ${notificationDeliveryJob()}`);
}

/**
 * The queue call of enqueueNotificationDelivery as an SQL fragment, for a write that queues the job
 * in its own last statement (insertNewItem): `SELECT FROM <this>`.
 */
export function notificationDeliveryJob(): SQL {
  return sql`graphile_worker.add_job(
      ${DELIVER_NOTIFICATIONS_JOB},
      '{}'::json,
      job_key := ${DELIVER_NOTIFICATIONS_JOB},
      job_key_mode := 'preserve_run_at',
      max_attempts := 25
    )`;
}

export type PendingActivity = {
  id: number;
  organizationId: string;
  itemId: string;
  actorId: string | null;
  field: string;
  newValue: unknown;
  commentId: string | null;
  /** For comment rows: whether the comment still exists (a deleted comment notifies nobody). */
  commentExists: boolean;
  /** The item's assignee now: who a 'created' row that does not name one assigned it to. */
  itemAssigneeId: string | null;
};

/**
 * Locks the oldest undelivered activity rows that no other deliverer holds. Call inside a
 * transaction; the rows stay locked until it ends.
 */
export async function claimPendingActivity(db: Executor, limit: number): Promise<PendingActivity[]> {
  const result = await db.execute<{
    id: string;
    organization_id: string;
    item_id: string;
    actor_id: string | null;
    field: string;
    new_value: unknown;
    comment_id: string | null;
    comment_exists: boolean;
    item_assignee_id: string | null;
  }>(sql`
    WITH claimed AS (
      SELECT id, organization_id, item_id, actor_id, field, new_value, comment_id
      FROM item_activity
      WHERE notified_at IS NULL
      ORDER BY id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    SELECT claimed.*,
           EXISTS (SELECT 1 FROM comments WHERE comments.id = claimed.comment_id) AS comment_exists,
           items.assignee_id AS item_assignee_id
    FROM claimed
    JOIN items ON items.id = claimed.item_id
    ORDER BY claimed.id`);
  return result.rows.map((row) => ({
    id: Number(row.id),
    organizationId: row.organization_id,
    itemId: row.item_id,
    actorId: row.actor_id,
    field: row.field,
    newValue: row.new_value,
    commentId: row.comment_id,
    commentExists: row.comment_exists,
    itemAssigneeId: row.item_assignee_id,
  }));
}

export async function markActivityNotified(db: Executor, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(sql`UPDATE item_activity SET notified_at = now() WHERE id = ANY(${`{${ids.join(',')}}`}::bigint[])`);
}

/** Watchers of each item who are active members of its organization. */
export async function findActiveWatchers(db: Executor, itemIds: string[]): Promise<Map<string, string[]>> {
  const watchers = new Map<string, string[]>();
  if (itemIds.length === 0) return watchers;
  const result = await db.execute<{ item_id: string; user_id: string }>(sql`
    SELECT w.item_id, w.user_id
    FROM item_watchers w
    JOIN items i ON i.id = w.item_id
    JOIN memberships m ON m.user_id = w.user_id AND m.organization_id = i.organization_id AND m.deactivated_at IS NULL
    JOIN users u ON u.id = w.user_id AND u.deactivated_at IS NULL
    WHERE w.item_id = ANY(${toUuidArray(itemIds)}::uuid[])`);
  for (const row of result.rows) watchers.set(row.item_id, [...(watchers.get(row.item_id) ?? []), row.user_id]);
  return watchers;
}

/** Of these users, the ones who are active members of the organization. */
export async function findActiveMemberIds(db: Executor, organizationId: string, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const result = await db.execute<{ user_id: string }>(sql`
    SELECT m.user_id
    FROM memberships m
    JOIN users u ON u.id = m.user_id AND u.deactivated_at IS NULL
    WHERE m.organization_id = ${organizationId} AND m.deactivated_at IS NULL AND m.user_id = ANY(${toUuidArray(userIds)}::uuid[])`);
  return new Set(result.rows.map((row) => row.user_id));
}

export type NotificationKind = 'assigned' | 'mentioned' | 'commented' | 'status_changed' | 'due_soon' | 'overdue';

export type NotificationEvent = {
  organizationId: string;
  userId: string;
  itemId: string;
  kind: NotificationKind;
  /** One unread notification per (user, dedupe key): later events collapse into it. */
  dedupeKey: string;
  /** The event's identity: delivering the same event again changes nothing. */
  eventKey: string;
  actorId: string | null;
  commentId: string | null;
};

/**
 * Adds each event to its user's inbox. An event whose (user, dedupe key) already has a
 * notification collapses into it: count +1 (or back to 1 if it had been read), newest actor and
 * comment, unread again — unless that notification's last event is this very one.
 * Returns how many notifications were created or changed.
 */
export async function upsertNotifications(db: Executor, events: NotificationEvent[]): Promise<number> {
  let changed = 0;
  // One statement per event: a batch may hold several events for the same (user, key), and one
  // INSERT … ON CONFLICT cannot touch a row twice.
  for (const e of events) {
    const result = await db.execute(sql`
      INSERT INTO notifications (organization_id, user_id, item_id, kind, dedupe_key, last_event_key, actor_id, comment_id)
      VALUES (${e.organizationId}, ${e.userId}, ${e.itemId}, ${e.kind}, ${e.dedupeKey}, ${e.eventKey}, ${e.actorId}, ${e.commentId})
      ON CONFLICT (user_id, dedupe_key) DO UPDATE SET
        event_count = CASE WHEN notifications.read_at IS NULL THEN notifications.event_count + 1 ELSE 1 END,
        last_event_key = excluded.last_event_key,
        actor_id = excluded.actor_id,
        comment_id = excluded.comment_id,
        updated_at = now(),
        read_at = NULL
      WHERE notifications.last_event_key IS DISTINCT FROM excluded.last_event_key`);
    changed += result.rowCount ?? 0;
  }
  return changed;
}

export type DueItem = { organizationId: string; itemId: string; assigneeId: string; kind: 'due_soon' | 'overdue'; localDate: string };

/**
 * Items of organizations whose local time at `now` is in the 08:00 hour, due tomorrow (local) or
 * already overdue, open (not completed or cancelled, not in the trash), with an active assignee.
 * Organizations with a time zone PostgreSQL does not know are skipped rather than failing the scan.
 */
export async function findDueItemsForMorningScan(db: Executor, now: Date): Promise<DueItem[]> {
  const result = await db.execute<{ organization_id: string; item_id: string; assignee_id: string; kind: 'due_soon' | 'overdue'; local_date: string }>(sql`
    WITH orgs AS (
      SELECT o.id, (${now.toISOString()}::timestamptz AT TIME ZONE o.time_zone) AS local_now
      FROM organizations o
      WHERE o.time_zone IN (SELECT name FROM pg_timezone_names)
    ), morning AS (
      SELECT id, local_now::date AS today FROM orgs WHERE extract(hour FROM local_now) = 8
    )
    SELECT i.organization_id, i.id AS item_id, i.assignee_id,
           CASE WHEN i.due_date < morning.today THEN 'overdue' ELSE 'due_soon' END AS kind,
           to_char(morning.today, 'YYYY-MM-DD') AS local_date
    FROM morning
    JOIN items i ON i.organization_id = morning.id
    JOIN statuses s ON s.id = i.status_id
    JOIN memberships m ON m.organization_id = i.organization_id AND m.user_id = i.assignee_id AND m.deactivated_at IS NULL
    JOIN users u ON u.id = i.assignee_id AND u.deactivated_at IS NULL
    WHERE i.deleted_at IS NULL
      AND s.category NOT IN ('completed', 'cancelled')
      AND (i.due_date < morning.today OR i.due_date = morning.today + 1)
    ORDER BY i.organization_id, i.id`);
  return result.rows.map((row) => ({
    organizationId: row.organization_id,
    itemId: row.item_id,
    assigneeId: row.assignee_id,
    kind: row.kind,
    localDate: row.local_date,
  }));
}

function toUuidArray(ids: string[]): string {
  return `{${ids.join(',')}}`;
}
