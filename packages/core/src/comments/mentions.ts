import { mentionedHandles } from '@rytask/contracts';
import { findMembersByHandles, type Executor, type MentionablePerson } from '@rytask/db';

/** Active members of the organization a text mentions: who a comment notifies. */
export async function mentionedMembers(db: Executor, organizationId: string, text: string): Promise<string[]> {
  const people = await findMembersByHandles(db, organizationId, mentionedHandles(text), { activeOnly: true });
  return people.map((person) => person.id);
}

/** Everyone in the organization the texts mention, active or not: who the rendered text links to. */
export function linkablePeople(db: Executor, organizationId: string, texts: string[]): Promise<MentionablePerson[]> {
  return findMembersByHandles(db, organizationId, [...new Set(texts.flatMap(mentionedHandles))]);
}
