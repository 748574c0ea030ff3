import { deliverNotifications } from '@rytask/core';
import { createDatabase, type DatabaseHandle } from '@rytask/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from '../../../../../test/support/api';
import { withClient } from '../../../../../test/support/db';
import { startTestServer } from '../../../../../test/support/server';
import { createProjectWithItems, recordActivity, watch } from '../../../../../test/support/work-rows';

let server: Awaited<ReturnType<typeof startTestServer>>;
let handle: DatabaseHandle;
let org: Awaited<ReturnType<typeof createOrganization>>;
let other: Awaited<ReturnType<typeof createOrganization>>;
let items: { id: string; key: string; title: string }[];

beforeAll(async () => {
  server = await startTestServer();
  handle = createDatabase(server.databaseUrl, { max: 2 });
  org = await createOrganization(server.app, server.databaseUrl, 'Inboxes');
  other = await createOrganization(server.app, server.databaseUrl, 'Far away');
  items = (await createProjectWithItems(server.databaseUrl, org.id, [{ title: 'Rotate keys' }, { title: 'Renew domain' }, { title: 'Third' }], { key: 'SEC' })).items;
});
afterAll(async () => {
  await handle.close();
  await server.close();
});

type Inbox = { notifications: { id: string; kind: string; item: { id: string; key: string; title: string }; actor: { id: string } | null; commentId: string | null; count: number; readAt: string | null }[]; unread: number };
const inbox = async (person = org.member, query = '') => {
  const response = await person.request('GET', `/api/v1/inbox${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Inbox;
};
const comment = async (person: typeof org.member, itemId: string, body: string) => {
  const response = await person.request('POST', `/api/v1/items/${itemId}/comments`, { body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string };
};

describe('inbox', () => {
  it('is filled by the worker, not by the request', async () => {
    await watch(server.databaseUrl, items[0]!.id, org.member.id);
    const posted = await comment(org.admin, items[0]!.id, `@${org.owner.handle} have a look`);
    expect((await inbox(org.member)).notifications).toEqual([]);
    await deliverNotifications(handle.db);
    const mine = await inbox(org.member);
    expect(mine.unread).toBe(1);
    expect(mine.notifications).toMatchObject([
      { kind: 'commented', item: { id: items[0]!.id, key: 'SEC-1', title: 'Rotate keys' }, actor: { id: org.admin.id, name: org.admin.name }, commentId: posted.id, count: 1, readAt: null },
    ]);
    expect((await inbox(org.owner)).notifications).toMatchObject([{ kind: 'mentioned', commentId: posted.id }]);
    // Nothing for the author's own comment.
    expect((await inbox(org.admin)).notifications).toEqual([]);
  });

  it('collapses a conversation into one notification with a count', async () => {
    await comment(org.admin, items[0]!.id, 'one more');
    await comment(org.owner, items[0]!.id, 'and another');
    await deliverNotifications(handle.db);
    const mine = await inbox(org.member);
    expect(mine.notifications).toHaveLength(1);
    expect(mine.notifications[0]).toMatchObject({ kind: 'commented', count: 3, actor: { id: org.owner.id } });
  });

  it('marks read and unread, lists unread only, and marks everything read', async () => {
    await recordActivity(server.databaseUrl, { organizationId: org.id, itemId: items[1]!.id, actorId: org.admin.id, field: 'assignee', newValue: { id: org.member.id, name: org.member.name } });
    await deliverNotifications(handle.db);
    const before = await inbox(org.member);
    expect(before.unread).toBe(2);
    expect(before.notifications.map((n) => n.kind)).toEqual(['assigned', 'commented']);

    const assigned = before.notifications[0]!;
    const read = await org.member.request('POST', `/api/v1/inbox/${assigned.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    const unreadOnly = await inbox(org.member, '?unread=true');
    expect(unreadOnly.notifications.map((n) => n.kind)).toEqual(['commented']);
    expect(unreadOnly.unread).toBe(1);
    expect((await inbox(org.member, '?unread=false')).notifications).toHaveLength(2);
    expect((await inbox(org.member, '?limit=1')).notifications).toHaveLength(1);

    const unread = await org.member.request('POST', `/api/v1/inbox/${assigned.id}/unread`);
    expect(unread.json()).toMatchObject({ id: assigned.id, readAt: null });
    expect((await inbox(org.member)).unread).toBe(2);

    const all = await org.member.request('POST', '/api/v1/inbox/read-all');
    expect(all.json()).toEqual({ marked: 2 });
    expect((await inbox(org.member)).unread).toBe(0);
    expect((await org.member.request('POST', '/api/v1/inbox/read-all')).json()).toEqual({ marked: 0 });
  });

  it('lets viewers read their inbox too', async () => {
    await watch(server.databaseUrl, items[2]!.id, org.viewer.id);
    await comment(org.member, items[2]!.id, `fyi @${org.viewer.handle}`);
    await deliverNotifications(handle.db);
    const viewer = await inbox(org.viewer);
    expect(viewer.notifications).toMatchObject([{ kind: 'mentioned' }]);
    expect((await org.viewer.request('POST', `/api/v1/inbox/${viewer.notifications[0]!.id}/read`)).statusCode).toBe(200);
  });

  it('answers 404 for someone else’s notification, in this organization or another', async () => {
    const ownerNotification = (await inbox(org.owner)).notifications[0]!;
    for (const person of [org.member, org.admin, other.owner]) {
      for (const action of ['read', 'unread']) {
        const response = await person.request('POST', `/api/v1/inbox/${ownerNotification.id}/${action}`);
        expect(response.statusCode).toBe(404);
        expect(response.json().error.code).toBe('not_found');
      }
    }
    expect((await inbox(other.owner)).notifications).toEqual([]);
    expect((await org.owner.request('POST', '/api/v1/inbox/00000000-0000-4000-8000-000000000000/read')).statusCode).toBe(404);
    const [row] = await withClient(server.databaseUrl, async (c) => (await c.query('SELECT read_at FROM notifications WHERE id = $1', [ownerNotification.id])).rows);
    expect(row.read_at).toBeNull();
  });

  it('hears about work done through the item endpoints: assigned on creation, status changes', async () => {
    const project = (await org.admin.request('POST', '/api/v1/projects', { key: 'FLOW', name: 'Flow' })).json();
    const created = await org.admin.request('POST', `/api/v1/projects/${project.id}/items`, { title: 'Assigned at birth', assigneeId: org.viewer.id });
    expect(created.statusCode, created.body).toBe(201);
    const done = project.statuses.find((s: { category: string }) => s.category === 'completed');
    const moved = await org.member.request('PATCH', `/api/v1/items/${created.json().id}`, { version: created.json().version, statusId: done.id });
    expect(moved.statusCode, moved.body).toBe(200);
    await deliverNotifications(handle.db);
    const viewer = (await inbox(org.viewer)).notifications.filter((n) => n.item.id === created.json().id);
    expect(viewer.map((n) => [n.kind, n.actor?.id]).sort()).toEqual([['assigned', org.admin.id], ['status_changed', org.member.id]]);
    // The creator watches it too and hears about the status change.
    expect((await inbox(org.admin)).notifications.filter((n) => n.item.id === created.json().id).map((n) => n.kind)).toEqual(['status_changed']);
  });

  it('validates the query', async () => {
    expect((await org.member.request('GET', '/api/v1/inbox?limit=0')).statusCode).toBe(400);
    expect((await org.member.request('GET', '/api/v1/inbox?unread=maybe')).statusCode).toBe(400);
  });
});
