import {
  enqueueNotificationDelivery,
  findComment,
  findItemForComments,
  recordCommentActivity,
  updateCommentBody,
  type CommentRow,
  type Database,
  type MentionablePerson,
} from '@rytask/db';
import { AppError } from '../errors';
import { assertCanEditComment } from '../policies/comments';
import { assertRole } from '../policies/roles';
import type { Caller } from '../session';
import { itemInTrash } from './create-comment';
import { linkablePeople, mentionedMembers } from './mentions';

export const commentNotFound = () => new AppError('not_found', 'No such comment.');

/**
 * The author only; the comment is marked edited. People the new text mentions and the old one did
 * not are notified (recorded as a 'comment_edited' activity); nobody else hears about an edit.
 */
export async function editComment(
  db: Database,
  caller: Caller,
  commentId: string,
  input: { body: string },
): Promise<{ comment: CommentRow; people: MentionablePerson[] }> {
  const organizationId = caller.organization.id;
  const body = input.body.trim();
  if (!body) throw new AppError('validation_failed', 'Write something first', { field: 'body' });
  return db.transaction(async (tx) => {
    const comment = await findComment(tx, organizationId, commentId);
    if (!comment) throw commentNotFound();
    assertRole(caller, 'MEMBER');
    assertCanEditComment(caller, comment);
    const item = await findItemForComments(tx, organizationId, comment.itemId, { lock: true });
    if (!item || item.deletedAt) throw itemInTrash();
    if (body !== comment.body) {
      const before = new Set(await mentionedMembers(tx, organizationId, comment.body));
      const added = (await mentionedMembers(tx, organizationId, body)).filter((id) => !before.has(id));
      await updateCommentBody(tx, organizationId, commentId, body);
      if (added.length > 0) {
        await recordCommentActivity(tx, {
          organizationId,
          itemId: comment.itemId,
          actorId: caller.user.id,
          field: 'comment_edited',
          commentId,
          newValue: { mentions: added },
        });
        await enqueueNotificationDelivery(tx);
      }
    }
    return { comment: (await findComment(tx, organizationId, commentId))!, people: await linkablePeople(tx, organizationId, [body]) };
  });
}
