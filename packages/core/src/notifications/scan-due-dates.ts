// The morning scan: at 08:00 in each organization's time zone, assignees hear about their open
// items due tomorrow (`due_soon`) and overdue (`overdue`). Runs hourly; an organization is in its
// 08:00 hour once a day. An item keeps one notification per kind that each morning's scan
// refreshes (unread again) — a second run on the same local date changes nothing.
import { findDueItemsForMorningScan, upsertNotifications, type Database } from '@rytask/db';
import { inLockOrder } from './deliver-notifications';

/** `now` is injected: the job passes the time it was scheduled for, tests a fixed clock. */
export async function scanDueDates(db: Database, now: Date): Promise<{ notifications: number }> {
  return db.transaction(async (tx) => {
    const due = await findDueItemsForMorningScan(tx, now);
    const events = due.map((d) => ({
      organizationId: d.organizationId,
      userId: d.assigneeId,
      itemId: d.itemId,
      kind: d.kind,
      dedupeKey: `${d.kind}:${d.itemId}`,
      eventKey: d.localDate,
      actorId: null,
      commentId: null,
    }));
    return { notifications: await upsertNotifications(tx, inLockOrder(events)) };
  });
}
