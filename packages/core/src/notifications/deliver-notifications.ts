// The worker's half of the outbox: item_activity rows not yet delivered become notifications.
// Each batch is one transaction — claim rows (SKIP LOCKED, so deliverers running side by side
// take different rows), write notifications, mark the rows — so a crash delivers a batch either
// completely or not at all, and a batch is never delivered twice.
import {
  claimPendingActivity,
  findActiveMemberIds,
  findActiveWatchers,
  markActivityNotified,
  upsertNotifications,
  type Database,
  type NotificationEvent,
} from '@rytask/db';
import { namedUsers, notificationsForActivity } from '../policies/notifications';

export type DeliveryResult = { activities: number; notifications: number };

/** Delivers every pending activity row, `batchSize` rows per transaction, oldest first. */
export async function deliverNotifications(db: Database, options: { batchSize?: number } = {}): Promise<DeliveryResult> {
  const batchSize = options.batchSize ?? 200;
  const total: DeliveryResult = { activities: 0, notifications: 0 };
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const batch = await claimPendingActivity(tx, batchSize);
      if (batch.length === 0) return { activities: 0, notifications: 0 };
      const watchers = await findActiveWatchers(tx, [...new Set(batch.map((a) => a.itemId))]);
      const activeMembers = new Set<string>();
      for (const organizationId of new Set(batch.map((a) => a.organizationId))) {
        const named = batch.filter((a) => a.organizationId === organizationId).flatMap(namedUsers);
        for (const id of await findActiveMemberIds(tx, organizationId, [...new Set(named)])) activeMembers.add(`${organizationId}:${id}`);
      }
      const events = batch.flatMap((activity) =>
        notificationsForActivity(activity, {
          watchers: watchers.get(activity.itemId) ?? [],
          activeMembers: new Set(namedUsers(activity).filter((id) => activeMembers.has(`${activity.organizationId}:${id}`))),
        }),
      );
      const notifications = await upsertNotifications(tx, inLockOrder(events));
      await markActivityNotified(tx, batch.map((a) => a.id));
      return { activities: batch.length, notifications };
    });
    total.activities += done.activities;
    total.notifications += done.notifications;
    if (done.activities < batchSize) return total;
  }
}

/**
 * Notification rows are locked in (user, key) order by every deliverer, so two running at once
 * wait for each other instead of deadlocking. The sort is stable: events for the same row keep
 * their activity order, so the newest actor is the one shown.
 */
export function inLockOrder(events: NotificationEvent[]): NotificationEvent[] {
  const key = (e: NotificationEvent) => `${e.userId}\u0000${e.dedupeKey}`;
  return [...events].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
