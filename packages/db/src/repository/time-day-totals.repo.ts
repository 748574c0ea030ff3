// The report rollup (time_day_totals): seconds of finished entries per organization-local day,
// person, item and class. Every entry write calls `addEntryToDayTotals` in its own transaction —
// with -1 before changing or deleting a finished entry, +1 after writing one — so the rollup always
// equals a recomputation from the entries (a test checks exactly that). An entry crossing local
// midnight is split at midnight in the organization's time zone, DST included; times are whole
// seconds, so the pieces add up to the entry exactly.
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client';

/**
 * The organization-local days an entry `te` covers, as `d(day)` (a local midnight, `timestamp`), for
 * an entry joined with its organization `o`. An entry ending exactly at midnight does not touch the
 * next day. Reports and the CSV export use the same two fragments, so they split exactly alike.
 */
export const entryLocalDays: SQL = sql`generate_series((te.started_at AT TIME ZONE o.time_zone)::date::timestamp,
                                        ((te.ended_at - interval '1 second') AT TIME ZONE o.time_zone)::date::timestamp,
                                        interval '1 day') AS d(day)`;

/** The seconds of entry `te` that fall on local day `d.day` (consecutive days share their midnight, so the pieces add up). */
export const entrySecondsOnDay: SQL = sql`extract(epoch FROM least(te.ended_at, (d.day + interval '1 day') AT TIME ZONE o.time_zone)
                            - greatest(te.started_at, d.day AT TIME ZONE o.time_zone))::bigint`;

/**
 * The pieces of the finished entries selected by `where` (over `te`, joined with organization `o`):
 * one row per local day each entry covers, with the seconds it covers that day.
 */
function dayPieces(where: SQL): SQL {
  return sql`
    SELECT te.organization_id, d.day::date AS day, te.user_id, te.item_id, te.classification,
           ${entrySecondsOnDay} AS seconds
      FROM time_entries te
      JOIN organizations o ON o.id = te.organization_id
     CROSS JOIN LATERAL ${entryLocalDays}
     WHERE te.ended_at IS NOT NULL AND ${where}`;
}

/** Adds (`sign` 1) or takes away (-1) one entry's seconds; a running timer or a missing entry adds nothing. */
export async function addEntryToDayTotals(db: Executor, entryId: string, sign: 1 | -1): Promise<void> {
  await db.execute(sql`
    WITH pieces AS (${dayPieces(sql`te.id = ${entryId}`)})
    INSERT INTO time_day_totals AS t (organization_id, day, user_id, item_id, classification, seconds)
    SELECT organization_id, day, user_id, item_id, classification, ${sign}::int * seconds FROM pieces
    ON CONFLICT (organization_id, day, user_id, item_id, classification)
    DO UPDATE SET seconds = t.seconds + excluded.seconds`);
  // A second statement on purpose: a DELETE in the same statement as the upsert sees the rows as they
  // were before it (one snapshot) and PostgreSQL silently skips deleting a row that statement updated,
  // so rows that fell to 0 would stay behind. The item's rows are few (time_day_totals_item_idx).
  await db.execute(sql`
    DELETE FROM time_day_totals t
     USING time_entries te
     WHERE te.id = ${entryId} AND t.item_id = te.item_id AND t.user_id = te.user_id AND t.seconds = 0`);
}

/** Recomputes an organization's rollup from its entries (after its time zone changes). */
export async function rebuildDayTotals(db: Executor, organizationId: string): Promise<void> {
  await db.execute(sql`DELETE FROM time_day_totals WHERE organization_id = ${organizationId}`);
  await db.execute(sql`
    INSERT INTO time_day_totals (organization_id, day, user_id, item_id, classification, seconds)
    SELECT organization_id, day, user_id, item_id, classification, sum(seconds)
      FROM (${dayPieces(sql`te.organization_id = ${organizationId}`)}) pieces
     GROUP BY organization_id, day, user_id, item_id, classification`);
}

/** What the rollup should hold, recomputed from the entries: for tests and `rytask doctor`-style checks. */
export async function recomputedDayTotals(
  db: Executor,
  organizationId: string,
): Promise<{ day: string; userId: string; itemId: string; classification: string; seconds: number }[]> {
  const result = await db.execute<{ day: string; user_id: string; item_id: string; classification: string; seconds: string }>(sql`
    SELECT day::text AS day, user_id, item_id, classification::text AS classification, sum(seconds)::text AS seconds
      FROM (${dayPieces(sql`te.organization_id = ${organizationId}`)}) pieces
     GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`);
  return result.rows.map((r) => ({ day: r.day, userId: r.user_id, itemId: r.item_id, classification: r.classification, seconds: Number(r.seconds) }));
}
