// `@user`: who the item is assigned to. Matching goes tier by tier and stops at the first tier
// that matches anyone; several matches in that tier are reported, never guessed.
import type { QuickAddMember } from './types';
import { fold, type Outcome } from './words';

const firstName = (name: string) => name.trim().split(/\s+/u)[0] ?? '';
const localPart = (email: string) => (email.includes('@') ? email.slice(0, email.lastIndexOf('@')) : email);

/**
 * 1. handle, exactly; 2. name, exactly or its first word (`@sam` finds "Sam Lee": a token ends
 * at whitespace, so a full multi-word name cannot be typed); 3. email, whole or local part,
 * exactly; 4. a prefix of the email's local part. Tier 3 sits before 4 so that `@sam` picks
 * sam@… over samantha@… — an exact match is not a guess.
 */
const tiers: ((member: QuickAddMember, query: string) => boolean)[] = [
  (member, query) => member.handle !== null && fold(member.handle) === query,
  (member, query) => fold(member.name.trim()) === query || fold(firstName(member.name)) === query,
  (member, query) => fold(member.email) === query || fold(localPart(member.email)) === query,
  (member, query) => fold(localPart(member.email)).startsWith(query),
];

export function resolveAssignee(text: string, members: readonly QuickAddMember[]): Outcome<QuickAddMember> {
  const query = fold(text.slice(1));
  for (const tier of tiers) {
    const matches = distinctById(members.filter((member) => tier(member, query)));
    if (matches.length === 1) return { ok: true, value: matches[0]!, display: matches[0]!.name };
    if (matches.length > 1) {
      return {
        ok: false,
        message: `${text} could be ${candidateList(matches)} — kept in the title. Use a handle or an email name to pick one.`,
      };
    }
  }
  return { ok: false, message: `No member matches ${text} — kept in the title.` };
}

function distinctById(members: QuickAddMember[]): QuickAddMember[] {
  const seen = new Set<string>();
  return members.filter((member) => !seen.has(member.id) && seen.add(member.id));
}

const SHOWN_CANDIDATES = 5;

/** "Sam Lee or Sam Ortiz"; namesakes get their email so the user can tell them apart. */
function candidateList(members: QuickAddMember[]): string {
  const names = members.map((member) => member.name);
  const labels = members.map(({ name, email }) =>
    names.indexOf(name) === names.lastIndexOf(name) ? name : `${name} (${email})`,
  );
  const shown = labels.slice(0, SHOWN_CANDIDATES);
  const more = labels.length - shown.length;
  if (more > 0) return `${shown.join(', ')} or ${more} more`;
  return shown.length === 2 ? shown.join(' or ') : `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}`;
}
