import { findItemForComments, listItemComments, type CommentRow, type Database, type MentionablePerson } from '@rytask/db';
import { AppError } from '../errors';
import type { Caller } from '../session';
import { linkablePeople } from './mentions';

export type CommentsWithPeople = { comments: CommentRow[]; people: MentionablePerson[] };

export const itemNotFound = () => new AppError('not_found', 'No such item.');

/** The item's comments, oldest first, and the people they mention (for mention links). Any role. */
export async function listComments(db: Database, caller: Caller, itemId: string): Promise<CommentsWithPeople> {
  const organizationId = caller.organization.id;
  if (!(await findItemForComments(db, organizationId, itemId))) throw itemNotFound();
  const comments = await listItemComments(db, organizationId, itemId);
  return { comments, people: await linkablePeople(db, organizationId, comments.map((c) => c.body)) };
}
