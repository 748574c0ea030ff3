// Time entries: running timers and finished entries, one item and one person each. A timer is a
// row whose ended_at is NULL (time_entries_one_running_timer allows one per person), so it survives
// restarts. Times are whole seconds (a check constraint); "now" is the transaction's now(),
// truncated to the second. Callers keep the report rollup in step (time-day-totals.repo.ts).
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { items, organizations, projects, timeEntries, users } from '../schema';

export type TimeEntryClass = NonNullable<(typeof timeEntries.$inferSelect)['classification']>;

/** An entry as the API shows it: with its item (key, title, project) and its person. */
export interface TimeEntryRow {
  id: string;
  organizationId: string;
  item: { id: string; key: string; title: string; projectId: string; priority: string; deletedAt: Date | null };
  person: { id: string; name: string; handle: string | null };
  startedAt: Date;
  endedAt: Date | null;
  /** Whole seconds; for a running timer, so far. */
  seconds: number;
  classification: TimeEntryClass | null;
  note: string;
  kind: 'timer' | 'manual';
  createdAt: Date;
  updatedAt: Date;
}

/** The transaction's now() to the second: every start and stop is on whole seconds. */
const NOW = sql`date_trunc('second', now())`;

function entryRows(db: Executor) {
  return db
    .select({
      id: timeEntries.id,
      organizationId: timeEntries.organizationId,
      itemId: items.id,
      itemNumber: items.number,
      itemTitle: items.title,
      itemPriority: items.priority,
      itemDeletedAt: items.deletedAt,
      projectId: items.projectId,
      projectKey: projects.key,
      userId: users.id,
      userName: users.name,
      userHandle: users.handle,
      startedAt: timeEntries.startedAt,
      endedAt: timeEntries.endedAt,
      seconds: sql<number>`extract(epoch FROM coalesce(${timeEntries.endedAt}, greatest(${NOW}, ${timeEntries.startedAt})) - ${timeEntries.startedAt})::int`.mapWith(Number),
      classification: timeEntries.classification,
      note: timeEntries.note,
      kind: timeEntries.kind,
      createdAt: timeEntries.createdAt,
      updatedAt: timeEntries.updatedAt,
    })
    .from(timeEntries)
    .innerJoin(items, eq(items.id, timeEntries.itemId))
    .innerJoin(projects, eq(projects.id, items.projectId))
    .innerJoin(users, eq(users.id, timeEntries.userId));
}

function toEntryRow(row: Awaited<ReturnType<typeof entryRows>>[number]): TimeEntryRow {
  return {
    id: row.id,
    organizationId: row.organizationId,
    item: { id: row.itemId, key: `${row.projectKey}-${row.itemNumber}`, title: row.itemTitle, projectId: row.projectId, priority: row.itemPriority, deletedAt: row.itemDeletedAt },
    person: { id: row.userId, name: row.userName, handle: row.userHandle },
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    seconds: row.seconds,
    classification: row.classification,
    note: row.note,
    kind: row.kind as TimeEntryRow['kind'],
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** One entry of the organization; `lock` holds its row until the transaction ends. */
export async function findTimeEntry(db: Executor, organizationId: string, entryId: string, options: { lock?: boolean } = {}): Promise<TimeEntryRow | undefined> {
  const query = entryRows(db).where(and(eq(timeEntries.organizationId, organizationId), eq(timeEntries.id, entryId)));
  const [row] = await (options.lock ? query.for('update', { of: timeEntries }) : query);
  return row && toEntryRow(row);
}

/** The item's entries, newest first, the running timer (if any) included. */
export async function listItemTimeEntries(db: Executor, organizationId: string, itemId: string): Promise<TimeEntryRow[]> {
  const rows = await entryRows(db)
    .where(and(eq(timeEntries.organizationId, organizationId), eq(timeEntries.itemId, itemId)))
    .orderBy(desc(timeEntries.startedAt), desc(timeEntries.id));
  return rows.map(toEntryRow);
}

/** The person's running timer, in whichever organization it runs (there is at most one). */
export async function findRunningTimer(db: Executor, userId: string): Promise<TimeEntryRow | undefined> {
  const [row] = await entryRows(db).where(and(eq(timeEntries.userId, userId), isNull(timeEntries.endedAt)));
  return row && toEntryRow(row);
}

/**
 * Serializes one person's timer changes until the transaction ends: two starts at once queue here,
 * and the second sees the first's timer. FOR NO KEY UPDATE, so rows that merely reference the user
 * (comments, activity, sessions) are not held up.
 */
export async function lockPersonTimers(tx: Executor, userId: string): Promise<void> {
  await tx.execute(sql`SELECT 1 FROM ${users} WHERE id = ${userId} FOR NO KEY UPDATE`);
}

/** A timer from now (or from `notBefore`, the end of the timer it replaces, if that is later). */
export async function insertTimer(
  tx: Executor,
  values: { organizationId: string; itemId: string; userId: string; note: string; notBefore?: Date },
): Promise<string> {
  const start = values.notBefore ? sql`greatest(${NOW}, ${values.notBefore.toISOString()}::timestamptz)` : NOW;
  const [row] = await tx
    .insert(timeEntries)
    .values({ organizationId: values.organizationId, itemId: values.itemId, userId: values.userId, note: values.note, kind: 'timer', startedAt: sql`${start}` })
    .returning({ id: timeEntries.id });
  return row!.id;
}

/**
 * Stops a running timer now: at least 1 s after its start, at most 24 h (`capped` when it ran
 * longer). The class is `classification`, else the item's priority decides it as it is now
 * (urgent → interruption, else planned), and never changes with the priority afterwards.
 */
export async function stopRunningTimer(
  tx: Executor,
  entryId: string,
  input: { classification?: TimeEntryClass; note?: string },
): Promise<{ endedAt: Date; capped: boolean } | undefined> {
  const result = await tx.execute<{ ended_at: Date | string; capped: boolean }>(sql`
    UPDATE ${timeEntries} te
       SET ended_at = least(greatest(${NOW}, te.started_at + interval '1 second'), te.started_at + interval '24 hours'),
           classification = coalesce(${input.classification ?? null}::time_class,
                                     (SELECT CASE WHEN i.priority = 'urgent' THEN 'interruption' ELSE 'planned' END::time_class
                                        FROM ${items} i WHERE i.id = te.item_id)),
           note = coalesce(${input.note ?? null}::text, te.note),
           updated_at = now()
     WHERE te.id = ${entryId} AND te.ended_at IS NULL
     RETURNING te.ended_at, ${NOW} > te.started_at + interval '24 hours' AS capped`);
  const row = result.rows[0];
  return row && { endedAt: new Date(row.ended_at), capped: row.capped };
}

export async function insertTimeEntry(
  tx: Executor,
  values: { organizationId: string; itemId: string; userId: string; startedAt: Date; endedAt: Date; classification: TimeEntryClass; note: string },
): Promise<string> {
  const [row] = await tx
    .insert(timeEntries)
    .values({ ...values, kind: 'manual' })
    .returning({ id: timeEntries.id });
  return row!.id;
}

export async function updateTimeEntry(
  tx: Executor,
  entryId: string,
  patch: Partial<{ startedAt: Date; endedAt: Date; classification: TimeEntryClass; note: string }>,
): Promise<void> {
  await tx.update(timeEntries).set({ ...patch, updatedAt: sql`now()` }).where(eq(timeEntries.id, entryId));
}

export async function deleteTimeEntry(tx: Executor, organizationId: string, entryId: string): Promise<void> {
  await tx.delete(timeEntries).where(and(eq(timeEntries.organizationId, organizationId), eq(timeEntries.id, entryId)));
}

/** The instant a local day starts in the organization's time zone (PostgreSQL's zone rules, DST included). */
export async function localMidnight(db: Executor, organizationId: string, day: string): Promise<Date> {
  const result = await db.execute<{ at: Date | string }>(sql`
    SELECT (${day}::date::timestamp AT TIME ZONE ${organizations.timeZone}) AS at
      FROM ${organizations} WHERE ${organizations.id} = ${organizationId}`);
  return new Date(result.rows[0]!.at);
}

/**
 * Holds the organization's time zone steady until the transaction ends (FOR SHARE: entry writes do
 * not wait for each other). A time zone change rebuilds the rollup under the organization's row
 * lock, so an entry's rollup pieces are never cut at the old zone's midnights after a rebuild.
 */
export async function holdOrganizationTimeZone(tx: Executor, organizationId: string): Promise<void> {
  await tx.execute(sql`SELECT 1 FROM ${organizations} WHERE id = ${organizationId} FOR SHARE`);
}
