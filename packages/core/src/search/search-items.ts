// Search: what someone typed into the search box → matching items, and the item to jump to when
// they typed its key.
import { findItemByKey, searchItems as searchItemRows, type Database, type SearchHit } from '@rytask/db';
import type { Caller } from '../session';

export type SearchOutcome = { jumpTo: { id: string; key: string } | null; items: (SearchHit & { key: string })[] };

/** `OPS-12`, `ops-12`: a project key and an item number. */
const ITEM_KEY = /^([A-Za-z][A-Za-z0-9]{1,9})-(\d+)$/;
/** Search-engine syntax: a quoted phrase, `or`, or a `-word` to leave out. */
const WEBSEARCH_SYNTAX = /"|(^|\s)-[^\s-]|\sor\s/i;
const SNIPPET_LENGTH = 200;

/** Any role. Never items in the trash, never another organization's. Any input is safe to search. */
export async function searchItems(db: Database, caller: Caller, input: { q: string; limit: number }): Promise<SearchOutcome> {
  const organizationId = caller.organization.id;
  const q = input.q.trim();
  const [hits, jumpTo] = await Promise.all([
    searchItemRows(db, organizationId, q, { mode: WEBSEARCH_SYNTAX.test(q) ? 'websearch' : 'prefix', limit: input.limit }),
    itemToJumpTo(db, organizationId, q),
  ]);
  return { jumpTo, items: hits.map((hit) => ({ ...hit, key: `${hit.projectKey}-${hit.number}`, snippet: plainSnippet(hit.snippet) })) };
}

async function itemToJumpTo(db: Database, organizationId: string, q: string) {
  const match = ITEM_KEY.exec(q);
  if (!match) return null;
  const number = Number(match[2]);
  // Item numbers are PostgreSQL integers: anything larger cannot exist (and must not reach the query).
  if (!Number.isSafeInteger(number) || number > 2_147_483_647) return null;
  return (await findItemByKey(db, organizationId, match[1]!.toUpperCase(), number)) ?? null;
}

/** One line, at most SNIPPET_LENGTH characters. */
export function plainSnippet(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= SNIPPET_LENGTH ? line : `${line.slice(0, SNIPPET_LENGTH - 1).trimEnd()}…`;
}
