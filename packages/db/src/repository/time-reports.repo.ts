// Time reports read the rollup (time_day_totals: seconds per organization-local day, person, item
// and class), never the entries: a one-year report of a busy organization sums tens of thousands of
// rollup rows instead of a million entries. Items in the trash are left out by joining `items`
// (restoring one brings its time back); running timers never reach the rollup. Only the CSV of
// entries reads time_entries, a page at a time, split at local midnight exactly like the rollup.
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client';
import { entryLocalDays, entrySecondsOnDay } from './time-day-totals.repo';

type TimeClassValue = 'planned' | 'interruption';

/** Organization-local days `from`..`to` (both included, 'YYYY-MM-DD'), optionally one project and/or one person. */
export interface TimeReportFilter {
  organizationId: string;
  from: string;
  to: string;
  projectId?: string;
  userId?: string;
}

/** One group of the report: a day, a person or a project (the other two keys null), and one class. */
export interface TimeSplitRow {
  day: string | null;
  userId: string | null;
  projectId: string | null;
  classification: TimeClassValue;
  seconds: number;
}

/** The rollup rows in range whose item is not in the trash (`t` rollup, `i` item). */
function rollupWhere(filter: TimeReportFilter): SQL {
  const conditions = [
    sql`t.organization_id = ${filter.organizationId}`,
    sql`t.day BETWEEN ${filter.from}::date AND ${filter.to}::date`,
    sql`i.organization_id = ${filter.organizationId}`,
    sql`i.deleted_at IS NULL`,
  ];
  if (filter.projectId) conditions.push(sql`i.project_id = ${filter.projectId}`);
  if (filter.userId) conditions.push(sql`t.user_id = ${filter.userId}`);
  return sql.join(conditions, sql` AND `);
}

/**
 * The report's three breakdowns in one pass over the rollup (GROUPING SETS): seconds per day, per
 * person and per project, each by class. All three come from the same rows, so each sums to the same
 * total, to the second; weeks and totals are sums of the days.
 */
export function timeReportSplitQuery(filter: TimeReportFilter): SQL {
  return sql`
    SELECT t.day::text AS day, t.user_id, i.project_id, t.classification::text AS classification, sum(t.seconds)::text AS seconds
      FROM time_day_totals t
      JOIN items i ON i.id = t.item_id
     WHERE ${rollupWhere(filter)}
     GROUP BY GROUPING SETS ((t.day, t.classification), (t.user_id, t.classification), (i.project_id, t.classification))`;
}

export async function timeReportSplitRows(db: Executor, filter: TimeReportFilter): Promise<TimeSplitRow[]> {
  const result = await db.execute<{ day: string | null; user_id: string | null; project_id: string | null; classification: TimeClassValue; seconds: string }>(
    timeReportSplitQuery(filter),
  );
  return result.rows.map((r) => ({
    day: r.day,
    userId: r.user_id,
    projectId: r.project_id,
    classification: r.classification,
    seconds: Number(r.seconds),
  }));
}

export interface InterruptionLedgerRow {
  itemId: string;
  itemKey: string;
  itemTitle: string;
  projectId: string;
  projectKey: string;
  source: 'web' | 'api' | 'mcp' | 'slack';
  priority: 'urgent' | 'high' | 'medium' | 'low' | 'none';
  raisedById: string | null;
  raisedByName: string | null;
  raisedByHandle: string | null;
  /** Interruption seconds. */
  seconds: number;
  trackedSeconds: number;
  people: number;
}

/** Items with interruption time in the range, biggest first (ties by key). */
export async function interruptionLedgerRows(db: Executor, filter: TimeReportFilter): Promise<InterruptionLedgerRow[]> {
  const result = await db.execute<{
    item_id: string; number: number; title: string; project_id: string; project_key: string; source: InterruptionLedgerRow['source'];
    priority: InterruptionLedgerRow['priority']; created_by: string | null; creator_name: string | null; creator_handle: string | null;
    seconds: string; tracked: string; people: number;
  }>(sql`
    WITH per_item AS (
      SELECT t.item_id,
             sum(t.seconds) FILTER (WHERE t.classification = 'interruption') AS seconds,
             sum(t.seconds) AS tracked,
             count(DISTINCT t.user_id) FILTER (WHERE t.classification = 'interruption')::int AS people
        FROM time_day_totals t
        JOIN items i ON i.id = t.item_id
       WHERE ${rollupWhere(filter)}
       GROUP BY t.item_id
      HAVING sum(t.seconds) FILTER (WHERE t.classification = 'interruption') > 0
    )
    SELECT p.item_id, i.number, i.title, i.project_id, pr.key AS project_key, i.source::text AS source, i.priority::text AS priority,
           i.created_by, u.name AS creator_name, u.handle AS creator_handle,
           p.seconds::text AS seconds, p.tracked::text AS tracked, p.people
      FROM per_item p
      JOIN items i ON i.id = p.item_id
      JOIN projects pr ON pr.id = i.project_id
      LEFT JOIN users u ON u.id = i.created_by
     ORDER BY p.seconds DESC, pr.key, i.number`);
  return result.rows.map((r) => ({
    itemId: r.item_id,
    itemKey: `${r.project_key}-${r.number}`,
    itemTitle: r.title,
    projectId: r.project_id,
    projectKey: r.project_key,
    source: r.source,
    priority: r.priority,
    raisedById: r.created_by,
    raisedByName: r.creator_name,
    raisedByHandle: r.creator_handle,
    seconds: Number(r.seconds),
    trackedSeconds: Number(r.tracked),
    people: r.people,
  }));
}

export interface PersonDayItemRow {
  day: string;
  itemId: string;
  classification: TimeClassValue;
  seconds: number;
}

/** One person's rollup rows over a few days (a week): per day, item and class. */
export function personDaysQuery(filter: TimeReportFilter & { userId: string }): SQL {
  return sql`
    SELECT t.day::text AS day, t.item_id, t.classification::text AS classification, t.seconds::text AS seconds
      FROM time_day_totals t
      JOIN items i ON i.id = t.item_id
     WHERE ${rollupWhere(filter)}
     ORDER BY t.day, t.item_id, t.classification`;
}

export async function personDayRows(db: Executor, filter: TimeReportFilter & { userId: string }): Promise<PersonDayItemRow[]> {
  const result = await db.execute<{ day: string; item_id: string; classification: TimeClassValue; seconds: string }>(personDaysQuery(filter));
  return result.rows.map((r) => ({ day: r.day, itemId: r.item_id, classification: r.classification, seconds: Number(r.seconds) }));
}

export type ReportPersonRef = {
  id: string;
  name: string;
  handle: string | null;
};

/** People by id (members or not any more: their time stays in the reports). */
export async function reportPeople(db: Executor, userIds: string[]): Promise<ReportPersonRef[]> {
  if (userIds.length === 0) return [];
  const result = await db.execute<ReportPersonRef>(sql`
    SELECT id, name, handle FROM users WHERE id IN (${sql.join(userIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
  return result.rows;
}

/** The organization's projects by id. */
export async function reportProjects(db: Executor, organizationId: string, projectIds: string[]): Promise<{ id: string; key: string; name: string }[]> {
  if (projectIds.length === 0) return [];
  const result = await db.execute<{ id: string; key: string; name: string }>(sql`
    SELECT id, key, name FROM projects
     WHERE organization_id = ${organizationId} AND id IN (${sql.join(projectIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
  return result.rows;
}

/** The organization's items by id, with their keys. */
export async function reportItems(db: Executor, organizationId: string, itemIds: string[]): Promise<{ id: string; key: string; title: string; projectId: string }[]> {
  if (itemIds.length === 0) return [];
  const result = await db.execute<{ id: string; key: string; title: string; project_id: string }>(sql`
    SELECT i.id, p.key || '-' || i.number AS key, i.title, i.project_id
      FROM items i JOIN projects p ON p.id = i.project_id
     WHERE i.organization_id = ${organizationId} AND i.id IN (${sql.join(itemIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
  return result.rows.map((r) => ({ id: r.id, key: r.key, title: r.title, projectId: r.project_id }));
}

/** One CSV row of the entries table: a finished entry's share of one organization-local day. */
export interface EntryPieceRow {
  entryId: string;
  day: string;
  personName: string;
  personHandle: string | null;
  projectKey: string;
  itemKey: string;
  itemTitle: string;
  classification: TimeClassValue;
  seconds: number;
  /** Local wall time in the organization's zone ('YYYY-MM-DDTHH:MM:SS') and its UTC offset in seconds. */
  startedLocal: string;
  startedOffset: number;
  endedLocal: string;
  endedOffset: number;
  kind: string;
  note: string;
  /** The keyset of the page: the entry's start (ISO) and id. */
  startedAt: string;
}

export interface EntryCursor {
  startedAt: string;
  id: string;
}

/**
 * A page of entries (`limit` entries, all their day pieces) that touch the range, after `after`, by
 * (started_at, id). Entries last at most 24 h, so `started_at` is bounded on both sides and the walk
 * stays on time_entries_organization_started_idx.
 */
export function entryPiecesQuery(filter: TimeReportFilter, after: EntryCursor | undefined, limit: number): SQL {
  const conditions = [
    sql`te.organization_id = ${filter.organizationId}`,
    sql`te.ended_at IS NOT NULL`,
    sql`te.started_at < (${filter.to}::date + 1)::timestamp AT TIME ZONE o.time_zone`,
    sql`te.started_at >= (${filter.from}::date)::timestamp AT TIME ZONE o.time_zone - interval '24 hours'`,
    sql`te.ended_at > (${filter.from}::date)::timestamp AT TIME ZONE o.time_zone`,
    sql`i.deleted_at IS NULL`,
  ];
  if (filter.projectId) conditions.push(sql`i.project_id = ${filter.projectId}`);
  if (filter.userId) conditions.push(sql`te.user_id = ${filter.userId}`);
  if (after) conditions.push(sql`(te.started_at, te.id) > (${after.startedAt}::timestamptz, ${after.id}::uuid)`);
  const local = (column: SQL) => sql`to_char(${column} AT TIME ZONE o.time_zone, 'YYYY-MM-DD"T"HH24:MI:SS')`;
  const offset = (column: SQL) => sql`extract(epoch FROM (${column} AT TIME ZONE o.time_zone) - (${column} AT TIME ZONE 'UTC'))::int`;
  return sql`
    WITH page AS (
      SELECT te.id, te.started_at, te.ended_at, te.user_id, te.item_id, te.classification, te.kind, te.note, te.organization_id
        FROM time_entries te
        JOIN organizations o ON o.id = te.organization_id
        JOIN items i ON i.id = te.item_id
       WHERE ${sql.join(conditions, sql` AND `)}
       ORDER BY te.started_at, te.id
       LIMIT ${limit}
    )
    SELECT te.id, d.day::date::text AS day, u.name AS person_name, u.handle AS person_handle, p.key AS project_key,
           p.key || '-' || i.number AS item_key, i.title AS item_title, te.classification::text AS classification,
           ${entrySecondsOnDay}::text AS seconds,
           ${local(sql`te.started_at`)} AS started_local, ${offset(sql`te.started_at`)} AS started_offset,
           ${local(sql`te.ended_at`)} AS ended_local, ${offset(sql`te.ended_at`)} AS ended_offset,
           te.kind, te.note, to_char(te.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS started_at
      FROM page te
      JOIN organizations o ON o.id = te.organization_id
      JOIN items i ON i.id = te.item_id
      JOIN projects p ON p.id = i.project_id
      JOIN users u ON u.id = te.user_id
     CROSS JOIN LATERAL ${entryLocalDays}
     WHERE d.day BETWEEN ${filter.from}::date AND ${filter.to}::date
     ORDER BY te.started_at, te.id, d.day`;
}

/** A page of entry pieces, and where the next page starts (undefined after the last). */
export async function entryPieceRows(
  db: Executor,
  filter: TimeReportFilter,
  after: EntryCursor | undefined,
  limit: number,
): Promise<{ rows: EntryPieceRow[]; next: EntryCursor | undefined }> {
  const result = await db.execute<{
    id: string; day: string; person_name: string; person_handle: string | null; project_key: string; item_key: string; item_title: string;
    classification: TimeClassValue; seconds: string; started_local: string; started_offset: number; ended_local: string; ended_offset: number;
    kind: string; note: string; started_at: string;
  }>(entryPiecesQuery(filter, after, limit));
  const rows = result.rows.map((r) => ({
    entryId: r.id,
    day: r.day,
    personName: r.person_name,
    personHandle: r.person_handle,
    projectKey: r.project_key,
    itemKey: r.item_key,
    itemTitle: r.item_title,
    classification: r.classification,
    seconds: Number(r.seconds),
    startedLocal: r.started_local,
    startedOffset: r.started_offset,
    endedLocal: r.ended_local,
    endedOffset: r.ended_offset,
    kind: r.kind,
    note: r.note,
    startedAt: r.started_at,
  }));
  const entries = new Set(rows.map((r) => r.entryId)).size;
  const last = rows.at(-1);
  return { rows, next: entries === limit && last ? { startedAt: last.startedAt, id: last.entryId } : undefined };
}
