// The item list on a 10,000-item project (among others): each sort's page query walks an index
// and reads about a page of items, never the whole project. Plans, not timings: the numbers are
// bench/api.mjs's job.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, itemListQuery, listItemRows, type DatabaseHandle, type ItemListFilter, type ItemListPage } from '@rytask/db';
import { createOrganization } from '../../../../../test/support/api';
import { withClient } from '../../../../../test/support/db';
import { startTestServer } from '../../../../../test/support/server';
import { createProject } from '../../../../../test/support/work';

let server: Awaited<ReturnType<typeof startTestServer>>;
let org: Awaited<ReturnType<typeof createOrganization>>;
let handle: DatabaseHandle;
let big: { id: string };

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganization(server.app, server.databaseUrl);
  big = await createProject(org.admin, { key: 'BIG' });
  const others = [await createProject(org.admin), await createProject(org.admin), await createProject(org.admin)];
  await withClient(server.databaseUrl, async (client) => {
    for (const [projectId, count] of [[big.id, 10_000], ...others.map((o) => [o.id, 2_000])] as [string, number][]) {
      await client.query(
        `INSERT INTO items (organization_id, project_id, number, title, status_id, priority, assignee_id, due_date,
                            board_position, created_by, created_at, updated_at)
         SELECT p.organization_id, p.id, g, 'Item ' || g,
                (SELECT id FROM statuses s WHERE s.project_id = p.id ORDER BY position OFFSET (g % 6) LIMIT 1),
                (ARRAY['urgent','high','medium','low','none'])[1 + g % 5]::item_priority,
                CASE WHEN g % 3 = 0 THEN NULL ELSE $3::uuid END,
                CASE WHEN g % 4 = 0 THEN NULL ELSE current_date + (g % 60) - 30 END,
                g, p.created_by, now() - g * interval '1 minute', now() - g * interval '1 second'
           FROM projects p, generate_series(1, $2::int) g WHERE p.id = $1`,
        [projectId, count, org.member.id],
      );
      await client.query('UPDATE projects SET next_item_number = $2 + 1 WHERE id = $1', [projectId, count]);
    }
    await client.query('ANALYZE');
  });
  handle = createDatabase(server.databaseUrl);
});
afterAll(async () => {
  await handle?.close();
  await server?.close();
});

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/** Rows an items scan read (returned or filtered out), all loops together. */
const rowsRead = (scans: PlanNode[]) =>
  scans.reduce((sum, n) => sum + (n['Actual Rows'] + (n['Rows Removed by Filter'] ?? 0)) * n['Actual Loops'], 0);

async function plan(filter: Partial<ItemListFilter>, page: Partial<ItemListPage>, generic = false): Promise<PlanNode[]> {
  const query = itemListQuery(
    handle.db,
    { organizationId: org.id, trashed: false, projectId: big.id, ...filter },
    { sort: 'board', order: 'asc', limit: 50, ...page },
  ).toSQL();
  // A plain board page runs as a prepared statement (item-list.repo.ts), which PostgreSQL may plan
  // once for any values: `generic` asks for that plan.
  const client = await handle.pool.connect();
  try {
    if (generic) await client.query('SET plan_cache_mode = force_generic_plan');
    const { rows } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON, TIMING OFF) ${query.sql}`, query.params as unknown[]);
    return nodes(rows[0]['QUERY PLAN'][0].Plan);
  } finally {
    await client.query('RESET plan_cache_mode');
    client.release();
  }
}

describe('the item list on a 10,000-item project', () => {
  const cases: [string, Partial<ItemListPage>, string][] = [
    ['board', { sort: 'board' }, 'items_board_idx'],
    ['board, descending', { sort: 'board', order: 'desc' }, 'items_board_idx'],
    ['board, a deep page', { sort: 'board', after: { keys: ['3', '6000'], id: '00000000-0000-4000-8000-000000000000' } }, 'items_board_idx'],
    ['number', { sort: 'number' }, 'items_project_number_key'],
    ['priority', { sort: 'priority' }, 'items_project_priority_idx'],
    ['due date', { sort: 'due' }, 'items_project_due_idx'],
    ['recently updated', { sort: 'updated', order: 'desc' }, 'items_project_updated_idx'],
    ['created', { sort: 'created' }, 'items_project_created_idx'],
  ];
  for (const [name, page, index] of cases) {
    it(`reads a page through ${index} when sorted by ${name}`, async () => {
      const scans = (await plan({}, page)).filter((n) => n['Relation Name'] === 'items');
      expect(scans.map((n) => n['Index Name'])).toEqual(scans.map(() => index));
      // A page and its look-ahead, per board column at most.
      expect(rowsRead(scans)).toBeLessThanOrEqual(6 * 51);
    });
  }

  it('plans a plain board page for any values (its prepared statement) through items_board_idx too', async () => {
    for (const page of [{}, { order: 'desc' as const }, { after: { keys: ['3', '6000'], id: '00000000-0000-4000-8000-000000000000' } }]) {
      const scans = (await plan({}, page, true)).filter((n) => n['Relation Name'] === 'items');
      expect(scans.map((n) => n['Index Name'])).toEqual(scans.map(() => 'items_board_idx'));
      expect(rowsRead(scans)).toBeLessThanOrEqual(6 * 51);
    }
  });

  it('answers a plain board page from its prepared statement with the rows of the general query', async () => {
    const filter = { organizationId: org.id, trashed: false, projectId: big.id };
    for (const page of [
      { sort: 'board' as const, order: 'asc' as const, limit: 50 },
      { sort: 'board' as const, order: 'desc' as const, limit: 7 },
      { sort: 'board' as const, order: 'asc' as const, limit: 20, after: { keys: ['3', '6000'], id: '00000000-0000-4000-8000-000000000000' } },
    ]) {
      // More runs than PostgreSQL's five custom plans, so the generic plan answers too.
      for (let run = 0; run < 7; run++) {
        const { rows } = await listItemRows(handle.db, filter, page);
        const expected = (await itemListQuery(handle.db, filter, page)).slice(0, page.limit);
        expect(rows).toEqual(expected);
      }
    }
  });

  it('filters without reading the whole project when the board is filtered to open work', async () => {
    const scans = (await plan({ openOnly: true, assignee: { ids: [org.member.id], unassigned: false } }, { sort: 'board' })).filter(
      (n) => n['Relation Name'] === 'items',
    );
    expect(scans.every((n) => n['Index Name'] === 'items_board_idx')).toBe(true);
    // Done and Cancelled are skipped whole; an open column is walked until a page of matches (or its
    // end: one column here has none of the member's items). Far from the 10,000 of a full scan.
    expect(rowsRead(scans)).toBeLessThanOrEqual(2_500);
  });

  it('sums logged time per listed item through time_entries_item_idx, never the whole table', async () => {
    // 30,000 finished entries over the big project's items.
    await withClient(server.databaseUrl, async (client) => {
      await client.query(
        `INSERT INTO time_entries (organization_id, item_id, user_id, started_at, ended_at, classification, kind)
         SELECT i.organization_id, i.id, $2::uuid, t, t + interval '30 minutes', 'planned', 'manual'
           FROM items i, generate_series(1, 3) k, LATERAL (SELECT date_trunc('second', now()) - k * interval '1 day' AS t) s
          WHERE i.project_id = $1`,
        [big.id, org.member.id],
      );
      await client.query('ANALYZE time_entries');
    });
    await server.changesSeen();
    for (const page of [{ sort: 'board' as const }, { sort: 'number' as const }]) {
      for (const generic of page.sort === 'board' ? [false, true] : [false]) {
        const all = await plan({}, page, generic);
        const scans = all.filter((n) => n['Relation Name'] === 'time_entries');
        const indexes = all.filter((n) => n['Index Name']?.startsWith('time_entries'));
        expect(scans.length, page.sort).toBeGreaterThan(0);
        // An index scan or a bitmap scan of the item's index: never a sequential scan of the table.
        expect(scans.every((n) => n['Node Type'] !== 'Seq Scan')).toBe(true);
        expect(indexes.map((n) => n['Index Name'])).toEqual(scans.map(() => 'time_entries_item_idx'));
        // Three entries per item, for the page's items (and its look-ahead) only.
        expect(rowsRead(scans)).toBeLessThanOrEqual(3 * 51);
      }
    }
  });
});
