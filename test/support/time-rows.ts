// Time entries written straight into a test database, each added to (or taken from) the report
// rollup by `addEntryToDayTotals` in the same transaction — the function every entry write of the
// app calls — for report tests that need exact instants (DST nights) or volume.
import { addEntryToDayTotals, createDatabase, recomputedDayTotals } from '@rytask/db';
import { sql } from 'drizzle-orm';
import { withClient } from './db';

export interface TestEntrySpec {
  organizationId: string;
  itemId: string;
  userId: string;
  /** ISO instants, whole seconds. No `endedAt`: a running timer. */
  startedAt: string;
  endedAt?: string | null;
  classification?: 'planned' | 'interruption';
  note?: string;
  kind?: 'timer' | 'manual';
}

/** Inserts the entries (finished ones counted in the rollup); returns their ids in order. */
export async function insertEntries(databaseUrl: string, specs: TestEntrySpec[]): Promise<string[]> {
  const handle = createDatabase(databaseUrl, { max: 1 });
  try {
    return await handle.db.transaction(async (tx) => {
      const ids: string[] = [];
      for (const e of specs) {
        const ended = e.endedAt ?? null;
        const result = await tx.execute<{ id: string }>(sql`
          INSERT INTO time_entries (organization_id, item_id, user_id, started_at, ended_at, classification, note, kind)
          VALUES (${e.organizationId}, ${e.itemId}, ${e.userId}, ${e.startedAt}::timestamptz, ${ended}::timestamptz,
                  ${ended === null ? null : (e.classification ?? 'planned')}::time_class, ${e.note ?? ''}, ${e.kind ?? 'manual'})
          RETURNING id`);
        const id = result.rows[0]!.id;
        await addEntryToDayTotals(tx, id, 1);
        ids.push(id);
      }
      return ids;
    });
  } finally {
    await handle.close();
  }
}

/** Deletes entries as the app does: taken out of the rollup first, then the row. */
export async function deleteEntries(databaseUrl: string, ids: string[]): Promise<void> {
  const handle = createDatabase(databaseUrl, { max: 1 });
  try {
    await handle.db.transaction(async (tx) => {
      for (const id of ids) {
        await addEntryToDayTotals(tx, id, -1);
        await tx.execute(sql`DELETE FROM time_entries WHERE id = ${id}`);
      }
    });
  } finally {
    await handle.close();
  }
}

/** The rollup as stored, and as recomputed from the entries: equal when every write kept it right. */
export async function rollupAndRecomputed(databaseUrl: string, organizationId: string) {
  const stored = await withClient(databaseUrl, async (client) =>
    (
      await client.query<{ day: string; userId: string; itemId: string; classification: string; seconds: string }>(
        `SELECT day::text AS day, user_id AS "userId", item_id AS "itemId", classification::text AS classification, seconds::text AS seconds
           FROM time_day_totals WHERE organization_id = $1 ORDER BY 1, 2, 3, 4`,
        [organizationId],
      )
    ).rows.map((r) => ({ ...r, seconds: Number(r.seconds) })),
  );
  const handle = createDatabase(databaseUrl, { max: 1 });
  try {
    return { stored, recomputed: await recomputedDayTotals(handle.db, organizationId) };
  } finally {
    await handle.close();
  }
}

/** Sets the organization's calendar straight in the database (before its entries are written). */
export async function setCalendar(databaseUrl: string, organizationId: string, timeZone: string, weekStart: number): Promise<void> {
  await withClient(databaseUrl, (client) =>
    client.query('UPDATE organizations SET time_zone = $2, week_start = $3 WHERE id = $1', [organizationId, timeZone, weekStart]),
  );
}
