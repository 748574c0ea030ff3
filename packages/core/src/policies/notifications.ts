// Who hears about what (product.md, "Inbox"). Pure: given one activity row and who watches the
// item, the notifications it produces. Never for the actor's own action; only active members
// (the caller of these rules passes only those).
import type { NotificationEvent, NotificationKind, PendingActivity } from '@rytask/db';

export type ActivityAudience = {
  /** Active members watching the item. */
  watchers: readonly string[];
  /** Of the people the activity names (assignee, mentions), the active members. */
  activeMembers: ReadonlySet<string>;
};

/**
 * - 'assignee' → the new assignee: `assigned` (also 'created' when the item starts assigned).
 * - 'created' and 'description_mentions' → the people its description (newly) mentions: `mentioned`.
 * - 'comment' → mentioned people: `mentioned`; the other watchers: `commented`.
 * - 'comment_edited' → the people the edit newly mentions: `mentioned`.
 * - 'status' → watchers: `status_changed`.
 * A comment deleted before delivery notifies nobody. Other fields notify nobody.
 */
export function notificationsForActivity(activity: PendingActivity, audience: ActivityAudience): NotificationEvent[] {
  const recipients = new Map<string, NotificationKind>();
  const add = (userId: string | null, kind: NotificationKind) => {
    if (userId && userId !== activity.actorId && !recipients.has(userId)) recipients.set(userId, kind);
  };
  switch (activity.field) {
    case 'assignee':
    case 'created': {
      const assignee = assigneeOf(activity);
      if (assignee && audience.activeMembers.has(assignee)) add(assignee, 'assigned');
      if (activity.field === 'created') for (const userId of mentionsOf(activity)) if (audience.activeMembers.has(userId)) add(userId, 'mentioned');
      break;
    }
    case 'description_mentions':
      for (const userId of mentionsOf(activity)) if (audience.activeMembers.has(userId)) add(userId, 'mentioned');
      break;
    case 'comment':
    case 'comment_edited': {
      if (!activity.commentExists) break;
      for (const userId of mentionsOf(activity)) if (audience.activeMembers.has(userId)) add(userId, 'mentioned');
      if (activity.field === 'comment') for (const userId of audience.watchers) add(userId, 'commented');
      break;
    }
    case 'status':
      for (const userId of audience.watchers) add(userId, 'status_changed');
      break;
  }
  return [...recipients].map(([userId, kind]) => ({
    organizationId: activity.organizationId,
    userId,
    itemId: activity.itemId,
    kind,
    dedupeKey: `${kind}:${activity.itemId}`,
    eventKey: String(activity.id),
    actorId: activity.actorId,
    commentId: kind === 'mentioned' || kind === 'commented' ? activity.commentId : null,
  }));
}

/** The users an activity names, whose membership the deliverer must check. */
export function namedUsers(activity: PendingActivity): string[] {
  switch (activity.field) {
    case 'assignee':
      return [assigneeOf(activity)].filter((id): id is string => id !== null);
    case 'created':
      return [assigneeOf(activity), ...mentionsOf(activity)].filter((id): id is string => id !== null);
    case 'comment':
    case 'comment_edited':
    case 'description_mentions':
      return mentionsOf(activity);
    default:
      return [];
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const asUserId = (value: unknown): string | null => (typeof value === 'string' && UUID.test(value) ? value : null);

/**
 * The assignee an 'assignee' row sets (new_value: the user id, `{ id }`, or null when unassigned),
 * or that a 'created' row starts with (new_value `{ assigneeId }` or `{ assignee: id | { id } }`;
 * a 'created' row naming none: the item's assignee at delivery, normally seconds later).
 */
function assigneeOf(activity: PendingActivity): string | null {
  const value = activity.newValue;
  if (activity.field === 'assignee') {
    return asUserId(value) ?? (value && typeof value === 'object' ? asUserId((value as { id?: unknown }).id) : null);
  }
  const created = (value && typeof value === 'object' ? value : {}) as { assigneeId?: unknown; assignee?: unknown };
  if (!('assigneeId' in created) && !('assignee' in created)) return asUserId(activity.itemAssigneeId);
  const assignee = created.assignee;
  return (
    asUserId(created.assigneeId) ??
    asUserId(assignee) ??
    (assignee && typeof assignee === 'object' ? asUserId((assignee as { id?: unknown }).id) : null)
  );
}

function mentionsOf(activity: PendingActivity): string[] {
  const mentions = (activity.newValue as { mentions?: unknown } | null)?.mentions;
  return Array.isArray(mentions) ? mentions.map(asUserId).filter((id): id is string => id !== null) : [];
}
