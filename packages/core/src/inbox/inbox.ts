// The caller's inbox. Notifications are the caller's own: anyone else's id answers 404 like an
// unknown one. Reading the inbox and marking it is open to every role (it changes no work).
import {
  countUnreadNotifications,
  findNotification,
  listNotifications,
  markAllNotificationsRead,
  setNotificationRead,
  type Database,
  type NotificationRow,
} from '@rytask/db';
import { AppError } from '../errors';
import type { Caller } from '../session';

export async function listInbox(
  db: Database,
  caller: Caller,
  input: { unread: boolean; limit: number },
): Promise<{ notifications: NotificationRow[]; unread: number }> {
  const [notifications, unread] = await Promise.all([
    listNotifications(db, caller.organization.id, caller.user.id, { unreadOnly: input.unread, limit: input.limit }),
    countUnreadNotifications(db, caller.organization.id, caller.user.id),
  ]);
  return { notifications, unread };
}

/** Marks one notification read or unread again. */
export async function markNotification(db: Database, caller: Caller, id: string, read: boolean): Promise<NotificationRow> {
  const organizationId = caller.organization.id;
  if (!(await setNotificationRead(db, organizationId, caller.user.id, id, read))) throw new AppError('not_found', 'No such notification.');
  return (await findNotification(db, organizationId, caller.user.id, id))!;
}

export async function markInboxRead(db: Database, caller: Caller): Promise<{ marked: number }> {
  return { marked: await markAllNotificationsRead(db, caller.organization.id, caller.user.id) };
}
