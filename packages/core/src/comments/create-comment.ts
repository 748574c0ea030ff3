import {
  enqueueNotificationDelivery,
  ensureItemWatcher,
  findComment,
  findItemForComments,
  insertComment,
  recordCommentActivity,
  type CommentRow,
  type Database,
  type MentionablePerson,
} from '@rytask/db';
import { AppError } from '../errors';
import { assertRole } from '../policies/roles';
import type { Caller } from '../session';
import { itemNotFound } from './list-comments';
import { linkablePeople, mentionedMembers } from './mentions';

export const itemInTrash = () => new AppError('not_found', 'This item is in the trash. Restore it first.');

/**
 * MEMBER+ (checked after the lookup: another organization's item is 404 for every role). The author starts watching the item; the activity row names the active members the
 * comment mentions, and the worker notifies them and the other watchers.
 */
export async function createComment(
  db: Database,
  caller: Caller,
  itemId: string,
  input: { body: string },
): Promise<{ comment: CommentRow; people: MentionablePerson[] }> {
  const organizationId = caller.organization.id;
  const body = input.body.trim();
  if (!body) throw new AppError('validation_failed', 'Write something first', { field: 'body' });
  return db.transaction(async (tx) => {
    const item = await findItemForComments(tx, organizationId, itemId, { lock: true });
    if (!item) throw itemNotFound();
    assertRole(caller, 'MEMBER');
    if (item.deletedAt) throw itemInTrash();
    const commentId = await insertComment(tx, { organizationId, itemId, authorId: caller.user.id, body });
    await ensureItemWatcher(tx, itemId, caller.user.id);
    await recordCommentActivity(tx, {
      organizationId,
      itemId,
      actorId: caller.user.id,
      field: 'comment',
      commentId,
      newValue: { mentions: await mentionedMembers(tx, organizationId, body) },
    });
    await enqueueNotificationDelivery(tx);
    return { comment: (await findComment(tx, organizationId, commentId))!, people: await linkablePeople(tx, organizationId, [body]) };
  });
}
