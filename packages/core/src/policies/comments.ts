// Who may change a comment. Editing puts words in someone's mouth, so only the author edits;
// deleting is also moderation, so an OWNER or ADMIN may delete anyone's comment.
import { AppError } from '../errors';
import type { Caller } from '../session';
import { hasRole } from './roles';

type CommentOwnership = { author: { id: string } | null };

export function canEditComment(caller: Caller, comment: CommentOwnership): boolean {
  return comment.author?.id === caller.user.id && hasRole(caller, 'MEMBER');
}

export function canDeleteComment(caller: Caller, comment: CommentOwnership): boolean {
  return canEditComment(caller, comment) || hasRole(caller, 'ADMIN');
}

export function assertCanEditComment(caller: Caller, comment: CommentOwnership): void {
  if (!canEditComment(caller, comment)) throw new AppError('forbidden', 'Only the author can edit a comment.');
}

export function assertCanDeleteComment(caller: Caller, comment: CommentOwnership): void {
  if (!canDeleteComment(caller, comment)) throw new AppError('forbidden', 'Only the author, an owner or an admin can delete a comment.');
}
