import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from '../../../../../test/support/api';
import { startTestServer } from '../../../../../test/support/server';
import { createProjectWithItems, type TestProject } from '../../../../../test/support/work-rows';

let server: Awaited<ReturnType<typeof startTestServer>>;
let org: Awaited<ReturnType<typeof createOrganization>>;
let other: Awaited<ReturnType<typeof createOrganization>>;
let ops: TestProject;

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganization(server.app, server.databaseUrl, 'Searchers');
  other = await createOrganization(server.app, server.databaseUrl, 'Others');
  ops = await createProjectWithItems(
    server.databaseUrl,
    org.id,
    [
      { title: 'Deploy the payment gateway', description: 'Needs the new certificate from the bank.' },
      { title: 'Printer on floor 3 jams', description: 'Long description.\n\n' + 'filler words here. '.repeat(50) + 'The toner cartridge is empty.' },
      { title: 'Quarterly report', description: 'Numbers for Q3.' },
      { title: 'Deleted deployment notes', description: 'gateway', trashed: true },
      { title: 'Café menu für Übersetzung', description: '日本語のテキスト' },
      { title: 'Backslash \\ and "quotes" and it\'s', description: 'a & b | c ! d ( e ) f : g * h' },
    ],
    { key: 'OPS' },
  );
  await createProjectWithItems(server.databaseUrl, other.id, [{ title: 'Secret gateway migration', description: 'certificate' }], { key: 'OPS' });
  // A comment on the report mentions something found nowhere else.
  const comment = await org.member.request('POST', `/api/v1/items/${ops.items[2]!.id}/comments`, { body: 'The spreadsheet lives in the shared drive.' });
  expect(comment.statusCode).toBe(201);
});
afterAll(() => server.close());

async function search(q: string, person = org.member) {
  const response = await person.request('GET', `/api/v1/search?q=${encodeURIComponent(q)}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { jumpTo: { id: string; key: string } | null; items: { key: string; title: string; snippet: string; projectKey: string }[] };
}
const keys = async (q: string, person = org.member) => (await search(q, person)).items.map((i) => i.key);

describe('search', () => {
  it('finds items by title, description and comment', async () => {
    expect(await keys('payment')).toEqual(['OPS-1']);
    expect(await keys('certificate')).toEqual(['OPS-1']);
    expect(await keys('spreadsheet')).toEqual(['OPS-3']);
    expect(await keys('deploy gateway')).toEqual(['OPS-1']);
  });

  it('matches the last word as a prefix, so results follow the typing', async () => {
    expect(await keys('paym')).toEqual(['OPS-1']);
    expect(await keys('deploy gatew')).toEqual(['OPS-1']);
    expect(await keys('spread')).toEqual(['OPS-3']);
    // Only the last word is a prefix: a finished word must match whole.
    expect(await keys('pay gateway')).toEqual([]);
  });

  it('supports search-engine syntax: phrases, or, and leaving words out', async () => {
    expect(await keys('"payment gateway"')).toEqual(['OPS-1']);
    expect(await keys('"gateway payment"')).toEqual([]);
    expect((await keys('payment or printer')).sort()).toEqual(['OPS-1', 'OPS-2']);
    expect(await keys('deploy -payment')).toEqual([]);
  });

  it('is language-neutral: no stemming, any script, case-insensitive', async () => {
    expect(await keys('CAFÉ')).toEqual(['OPS-5']);
    expect(await keys('übersetz')).toEqual(['OPS-5']);
    expect(await keys('日本')).toEqual(['OPS-5']);
  });

  it('returns item summaries with a plain-text snippet around the match', async () => {
    const { items } = await search('toner');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ key: 'OPS-2', projectKey: 'OPS', title: 'Printer on floor 3 jams', statusCategory: 'unstarted', labels: [], assignee: null });
    expect(items[0]!.snippet).toContain('toner cartridge');
    expect(items[0]!.snippet.length).toBeLessThanOrEqual(200);
    expect(items[0]!.snippet).not.toMatch(/[<>\n]/);
    expect((await search('spreadsheet')).items[0]!.snippet).toContain('spreadsheet lives in the shared drive');
  });

  it('ranks a title match above a description match', async () => {
    await createProjectWithItems(server.databaseUrl, org.id, [
      { title: 'Unrelated', description: 'mentions zebra once' },
      { title: 'Zebra crossing', description: 'paint' },
    ], { key: 'RANK' });
    expect(await keys('zebra')).toEqual(['RANK-2', 'RANK-1']);
  });

  it('answers jumpTo for an item key of the organization, in any case', async () => {
    expect((await search('OPS-2')).jumpTo).toEqual({ id: ops.items[1]!.id, key: 'OPS-2' });
    expect((await search('ops-2')).jumpTo).toEqual({ id: ops.items[1]!.id, key: 'OPS-2' });
    expect((await search('OPS-99')).jumpTo).toBeNull();
    expect((await search('OPS-4')).jumpTo).toBeNull(); // in the trash
    expect((await search('OPS-99999999999999999999')).jumpTo).toBeNull();
  });

  it('never finds items in the trash', async () => {
    expect(await keys('deleted')).toEqual([]);
    expect(await keys('gateway')).toEqual(['OPS-1']);
  });

  it('never finds another organization’s items, not even by key', async () => {
    expect(await keys('secret')).toEqual([]);
    expect(await keys('secret', other.member)).toEqual(['OPS-1']);
    const theirs = await search('OPS-1', other.member);
    expect(theirs.jumpTo).not.toEqual((await search('OPS-1')).jumpTo);
  });

  it('lets viewers search', async () => {
    expect(await keys('payment', org.viewer)).toEqual(['OPS-1']);
  });

  it('survives hostile input', async () => {
    for (const q of [
      "'", '"', '""', '\\', '\\\\', "it's", '&|!():*', ':*', 'a:*', '!!!', '(((', ')', '<->', 'a <-> b', 'foo & | bar',
      '-', '--', '- -', 'or', 'OR OR', '"unclosed', "'; DROP TABLE items; --", '\u0000', '💥', '\u202e', 'x'.repeat(200),
      'é'.repeat(200), 'OPS-', '-1', 'OPS-0', 'OPS-2147483648',
    ]) {
      const response = await org.member.request('GET', `/api/v1/search?q=${encodeURIComponent(q)}`);
      expect([200, 400], `${JSON.stringify(q)} → ${response.body}`).toContain(response.statusCode);
    }
    expect(await keys('backslash \\ "quotes"')).toEqual(['OPS-6']);
    expect(await keys('a & b | c')).toEqual(['OPS-6']);
  });

  it('refuses an empty or overlong query with a validation error', async () => {
    for (const q of ['', '   ', 'x'.repeat(201), 'x'.repeat(10_000)]) {
      const response = await org.member.request('GET', `/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
    }
  });

  it('never errors on any string', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 60, unit: 'binary' }), async (q) => {
        const response = await org.member.request('GET', `/api/v1/search?q=${encodeURIComponent(q)}`);
        expect([200, 400], `${JSON.stringify(q)} → ${response.body}`).toContain(response.statusCode);
      }),
      { numRuns: 150 },
    );
  });
});
