import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from '../../../../../test/support/api';
import { withClient } from '../../../../../test/support/db';
import { startTestServer } from '../../../../../test/support/server';
import { createItem, createProject, fails, ok } from '../../../../../test/support/work';

let server: Awaited<ReturnType<typeof startTestServer>>;
let org: Awaited<ReturnType<typeof createOrganization>>;

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganization(server.app, server.databaseUrl);
});
afterAll(() => server?.close());

type Card = { id: string; title: string; statusId: string; version: number; boardPosition: number };

/** The board as the list's board sort gives it: status id → card titles in order. */
async function board(projectId: string): Promise<Record<string, string[]>> {
  const { items } = await ok(org.member, 'GET', `/api/v1/items?projectId=${projectId}&sort=board&limit=200`);
  const columns: Record<string, string[]> = {};
  for (const item of items as Card[]) (columns[item.statusId] ??= []).push(item.title);
  return columns;
}

async function move(card: Card, statusId: string, afterId: string | null, beforeId: string | null): Promise<Card> {
  const current = await ok(org.member, 'GET', `/api/v1/items/${card.id}`);
  return ok(org.member, 'POST', `/api/v1/items/${card.id}/move`, { version: current.version, statusId, afterId, beforeId });
}

describe('board moves', () => {
  it('moves a card to another column between two cards, and records the status change', async () => {
    const project = await createProject(org.admin);
    const [backlog, todo] = project.statuses.map((s: { id: string }) => s.id);
    const a = await createItem(org.member, project.id, { title: 'A', statusId: todo });
    const b = await createItem(org.member, project.id, { title: 'B', statusId: todo });
    const x = await createItem(org.member, project.id, { title: 'X', statusId: backlog });
    const moved = await move(x, todo, a.id, b.id);
    expect(moved).toMatchObject({ statusId: todo, version: 2 });
    expect(moved.boardPosition).toBeGreaterThan(a.boardPosition);
    expect(moved.boardPosition).toBeLessThan(b.boardPosition);
    expect((await board(project.id))[todo]).toEqual(['A', 'X', 'B']);
    const { activity } = await ok(org.member, 'GET', `/api/v1/items/${x.id}/activity`);
    expect(activity.at(-1)).toMatchObject({ field: 'status', oldValue: { id: backlog, name: 'Backlog' }, newValue: { id: todo, name: 'Todo' } });
  });

  it('reorders within a column (top, bottom, between) without an activity row', async () => {
    const project = await createProject(org.admin);
    const todo = project.statuses[1].id;
    const cards: Record<string, Card> = {};
    for (const title of ['A', 'B', 'C', 'D']) cards[title] = await createItem(org.member, project.id, { title, statusId: todo });
    await move(cards.D!, todo, null, cards.A!.id);
    expect((await board(project.id))[todo]).toEqual(['D', 'A', 'B', 'C']);
    await move(cards.A!, todo, cards.C!.id, null);
    expect((await board(project.id))[todo]).toEqual(['D', 'B', 'C', 'A']);
    await move(cards.B!, todo, cards.C!.id, cards.A!.id);
    expect((await board(project.id))[todo]).toEqual(['D', 'C', 'B', 'A']);
    const { activity } = await ok(org.member, 'GET', `/api/v1/items/${cards.B!.id}/activity`);
    expect(activity.map((row: { field: string }) => row.field)).toEqual(['created']);
  });

  it('drops into an empty column', async () => {
    const project = await createProject(org.admin);
    const [backlog, , started] = project.statuses.map((s: { id: string }) => s.id);
    const card = await createItem(org.member, project.id, { title: 'Alone', statusId: backlog });
    expect((await move(card, started, null, null)).statusId).toBe(started);
    expect((await board(project.id))[started]).toEqual(['Alone']);
  });

  it('renumbers the column when repeated drops leave no room between two cards, keeping the order', async () => {
    const project = await createProject(org.admin);
    const todo = project.statuses[1].id;
    const a = await createItem(org.member, project.id, { title: 'A', statusId: todo });
    const b = await createItem(org.member, project.id, { title: 'B', statusId: todo });
    const c = await createItem(org.member, project.id, { title: 'C', statusId: todo });
    const x = await createItem(org.member, project.id, { title: 'X', statusId: project.statuses[0].id });
    // A and B as close as repeated midpoints would leave them.
    await withClient(server.databaseUrl, (client) =>
      client.query('UPDATE items SET board_position = CASE id WHEN $1 THEN 1 WHEN $2 THEN 1 + 1e-10 ELSE 2 END WHERE id IN ($1, $2, $3)', [a.id, b.id, c.id]),
    );
    await server.changesSeen();
    const moved = await move(x, todo, a.id, b.id);
    expect((await board(project.id))[todo]).toEqual(['A', 'X', 'B', 'C']);
    const positions = await withClient(server.databaseUrl, async (client) =>
      (await client.query('SELECT board_position AS p FROM items WHERE status_id = $1 ORDER BY board_position', [todo])).rows.map((r) => r.p),
    );
    expect(positions).toEqual([1, moved.boardPosition, 2, 3]);
    expect(moved.boardPosition).toBe(1.5);
  });

  it('refuses a stale version, a neighbour that has left the column, and a status of another project', async () => {
    const project = await createProject(org.admin);
    const [backlog, todo] = project.statuses.map((s: { id: string }) => s.id);
    const a = await createItem(org.member, project.id, { title: 'A', statusId: todo });
    const x = await createItem(org.member, project.id, { title: 'X', statusId: backlog });
    await ok(org.member, 'PATCH', `/api/v1/items/${x.id}`, { version: 1, title: 'X2' });
    await fails(org.member, 'POST', `/api/v1/items/${x.id}/move`, { version: 1, statusId: todo, afterId: a.id, beforeId: null }, 409, 'conflict');
    await fails(org.member, 'POST', `/api/v1/items/${x.id}/move`, { version: 2, statusId: backlog, afterId: a.id, beforeId: null }, 409, 'conflict');
    const elsewhere = (await createProject(org.admin)).statuses[0].id;
    expect((await fails(org.member, 'POST', `/api/v1/items/${x.id}/move`, { version: 2, statusId: elsewhere, afterId: null, beforeId: null }, 400, 'validation_failed')).field).toBe('statusId');
    await fails(org.viewer, 'POST', `/api/v1/items/${x.id}/move`, { version: 2, statusId: todo, afterId: null, beforeId: null }, 403, 'forbidden');
    expect((await ok(org.member, 'GET', `/api/v1/items/${x.id}`)).statusId).toBe(backlog);
  });
});
