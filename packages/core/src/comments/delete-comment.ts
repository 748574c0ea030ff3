import { deleteComment as deleteCommentRow, detachNotificationsFromComment, findComment, type Database } from '@rytask/db';
import { assertCanDeleteComment } from '../policies/comments';
import { assertRole } from '../policies/roles';
import type { Caller } from '../session';
import { commentNotFound } from './edit-comment';

/** The author, or an OWNER/ADMIN (moderation). Works on items in the trash too. */
export async function deleteComment(db: Database, caller: Caller, commentId: string): Promise<void> {
  const organizationId = caller.organization.id;
  await db.transaction(async (tx) => {
    const comment = await findComment(tx, organizationId, commentId);
    if (!comment) throw commentNotFound();
    assertRole(caller, 'MEMBER');
    assertCanDeleteComment(caller, comment);
    await deleteCommentRow(tx, organizationId, commentId);
    await detachNotificationsFromComment(tx, commentId);
  });
}
