import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createOrganization } from '../../../../../test/support/api';
import { withClient } from '../../../../../test/support/db';
import { startTestServer } from '../../../../../test/support/server';
import { createItem, createProject, fails, ok } from '../../../../../test/support/work';

let server: Awaited<ReturnType<typeof startTestServer>>;
let org: Awaited<ReturnType<typeof createOrganization>>;
let other: Awaited<ReturnType<typeof createOrganization>>;

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganization(server.app, server.databaseUrl);
  other = await createOrganization(server.app, server.databaseUrl);
});
afterAll(() => server?.close());

const query = async (sql: string, params: unknown[] = []) => {
  const rows = await withClient(server.databaseUrl, async (c) => (await c.query(sql, params)).rows);
  await server.changesSeen();
  return rows;
};
const activityOf = async (itemId: string) => (await ok(org.member, 'GET', `/api/v1/items/${itemId}/activity`)).activity;

describe('creating items', () => {
  it('numbers items KEY-1, KEY-2… and never reuses a number, not even after deletion', async () => {
    const project = await createProject(org.admin, { key: 'NUM' });
    const items = [];
    for (let i = 0; i < 3; i++) items.push(await createItem(org.member, project.id));
    expect(items.map((i) => i.key)).toEqual(['NUM-1', 'NUM-2', 'NUM-3']);
    await ok(org.member, 'DELETE', `/api/v1/items/${items[2].id}`);
    expect((await createItem(org.member, project.id)).key).toBe('NUM-4');
  });

  it('skips the number of a create refused after numbering, and never hands it out again', async () => {
    const project = await createProject(org.admin, { key: 'GAP' });
    expect((await createItem(org.member, project.id)).key).toBe('GAP-1');
    // Label ids are checked inside the create's transaction, after its number was taken.
    const unknownLabel = '00000000-0000-4000-8000-000000000000';
    await fails(org.member, 'POST', `/api/v1/projects/${project.id}/items`, { title: 'x', labels: [unknownLabel] }, 400, 'validation_failed');
    // A wrong parent is refused before a number is taken.
    await fails(org.member, 'POST', `/api/v1/projects/${project.id}/items`, { title: 'x', parentId: unknownLabel }, 400, 'validation_failed');
    expect((await createItem(org.member, project.id)).key).toBe('GAP-3');
  });

  it('gives 20 concurrent creates in one project distinct, consecutive numbers', async () => {
    const project = await createProject(org.admin);
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => org.member.request('POST', `/api/v1/projects/${project.id}/items`, { title: `parallel ${i}` })),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const numbers = responses.map((r) => r.json().number).sort((a: number, b: number) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('sets every field, defaults the rest, and records creation', async () => {
    const project = await createProject(org.admin);
    const label = await ok(org.member, 'POST', '/api/v1/labels', { name: 'Existing' });
    const item = await createItem(org.member, project.id, {
      title: 'Fix login redirect',
      description: 'Steps: **log in**',
      statusId: project.statuses[2].id,
      priority: 'high',
      assigneeId: org.admin.id,
      labels: [label.id, 'existing', 'fresh', 'FRESH'],
      estimateMinutes: 90,
      dueDate: '2030-12-24',
    });
    expect(item).toMatchObject({
      title: 'Fix login redirect',
      description: 'Steps: **log in**',
      descriptionHtml: '<p>Steps: <strong>log in</strong></p>\n',
      statusId: project.statuses[2].id,
      statusCategory: 'started',
      priority: 'high',
      assignee: { id: org.admin.id, name: org.admin.name, handle: org.admin.handle },
      estimateMinutes: 90,
      dueDate: '2030-12-24',
      parentId: null,
      parent: null,
      subtasks: [],
      source: 'web',
      createdBy: { id: org.member.id },
      version: 1,
      deletedAt: null,
      watching: true,
    });
    // Labels by id or by name (found ignoring case, else created once).
    expect(item.labels.map((l: { name: string }) => l.name)).toEqual(['Existing', 'fresh']);
    expect(await query(`SELECT count(*)::int AS n FROM labels WHERE organization_id = $1 AND lower(name) = 'fresh'`, [org.id])).toEqual([{ n: 1 }]);

    const plain = await createItem(org.member, project.id, { title: 'Plain' });
    expect(plain).toMatchObject({ statusId: project.statuses[0].id, priority: 'none', assignee: null, labels: [], estimateMinutes: null, dueDate: null });
    expect(await activityOf(plain.id)).toEqual([
      expect.objectContaining({ field: 'created', actor: expect.objectContaining({ id: org.member.id }), newValue: { key: plain.key, title: 'Plain', assignee: null } }),
    ]);
  });

  it('queues inbox delivery with the change: a new item assigned to someone names them in its created row', async () => {
    const project = await createProject(org.admin);
    const item = await createItem(org.member, project.id, { assigneeId: org.admin.id });
    expect((await activityOf(item.id))[0].newValue).toEqual({ key: item.key, title: item.title, assignee: { id: org.admin.id, name: org.admin.name } });
    // One keyed job absorbs a burst of writes (notification-delivery.repo.ts): it is there, once.
    expect(await query(`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'deliver-notifications'`)).toEqual([{ n: 1 }]);
  });

  it('makes the creator and the assignee watchers', async () => {
    const project = await createProject(org.admin);
    const item = await createItem(org.member, project.id, { assigneeId: org.admin.id });
    const watchers = await query('SELECT user_id FROM item_watchers WHERE item_id = $1', [item.id]);
    expect(watchers.map((w) => w.user_id).sort()).toEqual([org.member.id, org.admin.id].sort());
    expect((await ok(org.admin, 'GET', `/api/v1/items/${item.id}`)).watching).toBe(true);
    expect((await ok(org.owner, 'GET', `/api/v1/items/${item.id}`)).watching).toBe(false);
  });

  it('records whom a description mentions, for the inbox: on creation, then only people a change newly mentions', async () => {
    const project = await createProject(org.admin);
    const gone = await addUser(server.app, server.databaseUrl, org.id, 'MEMBER');
    await query('UPDATE memberships SET deactivated_at = now() WHERE user_id = $1', [gone.id]);
    const mentionsOf = async (itemId: string) =>
      (await query(`SELECT field, new_value FROM item_activity WHERE item_id = $1 AND field IN ('created', 'description_mentions') ORDER BY id`, [itemId])).map(
        (row) => [row.field, row.new_value.mentions ?? []],
      );
    // Active members of this organization only: not a deactivated one, not another organization's, not inside code.
    const item = await createItem(org.member, project.id, {
      description: `Ask @${org.admin.handle} and @${gone.handle}, not @${other.member.handle} or \`@${org.owner.handle}\`.`,
    });
    expect(await mentionsOf(item.id)).toEqual([['created', [org.admin.id]]]);
    const edit = (description: string, version: number) => ok(org.member, 'PATCH', `/api/v1/items/${item.id}`, { description, version });
    let { version } = await edit(`Ask @${org.admin.handle} and now @${org.owner.handle}.`, item.version);
    ({ version } = await edit(`@${org.owner.handle}: thoughts? (@${org.admin.handle} too)`, version)); // nobody new
    await edit('No mentions any more.', version);
    expect(await mentionsOf(item.id)).toEqual([['created', [org.admin.id]], ['description_mentions', [org.owner.id]]]);
  });

  it('assigns only active members of the organization', async () => {
    const project = await createProject(org.admin);
    const gone = await addUser(server.app, server.databaseUrl, org.id, 'MEMBER');
    await query('UPDATE memberships SET deactivated_at = now() WHERE user_id = $1', [gone.id]);
    for (const assigneeId of [other.member.id, gone.id, '00000000-0000-4000-8000-000000000000']) {
      const error = await fails(org.member, 'POST', `/api/v1/projects/${project.id}/items`, { title: 'x', assigneeId }, 400, 'validation_failed');
      expect(error.field).toBe('assigneeId');
    }
  });

  it('refuses due dates that do not exist, naming the field', async () => {
    const project = await createProject(org.admin);
    for (const dueDate of ['2026-02-30', '2026-13-01', '0000-01-01', '24/12/2026']) {
      const error = await fails(org.member, 'POST', `/api/v1/projects/${project.id}/items`, { title: 'x', dueDate }, 400, 'validation_failed');
      expect(error.field, dueDate).toBe('dueDate');
    }
    expect((await createItem(org.member, project.id, { dueDate: '2028-02-29' })).dueDate).toBe('2028-02-29');
  });

  it('refuses a status or label of another project or organization', async () => {
    const project = await createProject(org.admin);
    const elsewhere = await createProject(org.admin);
    expect((await fails(org.member, 'POST', `/api/v1/projects/${project.id}/items`, { title: 'x', statusId: elsewhere.statuses[0].id }, 400, 'validation_failed')).field).toBe('statusId');
    const foreign = await ok(other.member, 'POST', '/api/v1/labels', { name: 'theirs' });
    expect((await fails(org.member, 'POST', `/api/v1/projects/${project.id}/items`, { title: 'x', labels: [foreign.id] }, 400, 'validation_failed')).field).toBe('labels');
  });

  it('records the source: web for the session cookie, api for an access token, or what the client names', async () => {
    const project = await createProject(org.admin);
    const { token } = await ok(org.member, 'POST', '/api/v1/tokens', { name: 'agent', scope: 'read_write' });
    const viaToken = await server.app.inject({
      method: 'POST', url: `/api/v1/projects/${project.id}/items`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: { title: 'From an agent' },
    });
    expect(viaToken.statusCode).toBe(201);
    expect(viaToken.json()).toMatchObject({ source: 'api', createdBy: { id: org.member.id } });
    expect((await createItem(org.member, project.id)).source).toBe('web');
    expect((await createItem(org.member, project.id, { source: 'slack' })).source).toBe('slack');
  });

  it('renders the description safely: markup comes back inert, mentions of members become links', async () => {
    const project = await createProject(org.admin);
    const item = await createItem(org.member, project.id, {
      title: '<script>alert("title")</script>',
      description: `<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3)) ping @${org.admin.handle} and @nobody`,
      labels: ['<b onmouseover=alert(4)>'],
    });
    const html: string = item.descriptionHtml;
    // No element but the paragraph and the mention link; the rest is escaped text.
    expect([...html.matchAll(/<([a-z]+)/gi)].map((m) => m[1])).toEqual(['p', 'a']);
    expect(html).not.toMatch(/href="javascript/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain(`<a href="/people/${org.admin.id}" class="mention" data-mention="${org.admin.id}" title="${org.admin.name}">@${org.admin.handle}</a>`);
    expect(html).toContain('@nobody');
    expect(html).not.toContain('<b');
    // Title and labels are plain strings, exactly as typed, never HTML.
    expect(item.title).toBe('<script>alert("title")</script>');
    expect(item.labels[0].name).toBe('<b onmouseover=alert(4)>');
  });

  it('answers with exactly the item a read of it gives (the answer is built from what was written, not read back)', async () => {
    const project = await createProject(org.admin);
    const label = await ok(org.member, 'POST', '/api/v1/labels', { name: 'zeta' });
    // Each answer against a read right after it (a later sub-task would change its parent's page).
    const created = async (input: Record<string, unknown>) => {
      const item = await createItem(org.member, project.id, input);
      expect(item).toEqual(await ok(org.member, 'GET', `/api/v1/items/${item.id}`));
      return item;
    };
    await created({ title: 'Bare' });
    const full = await created({
      title: 'Everything set',
      // Mentions plain and spelled as an entity; the labels' order is the read's (by lower-cased name).
      description: `Ask @${org.admin.handle} or &#64;${org.admin.handle}, not @nobody`,
      statusId: project.statuses[3].id,
      priority: 'urgent',
      assigneeId: org.admin.id,
      labels: [label.id, 'Beta', 'alpha', 'Émoji', '_under', 'B2'],
      estimateMinutes: 15,
      dueDate: '2031-02-28',
      source: 'slack',
    });
    expect(full.labels.map((l: { name: string }) => l.name)).toEqual(['_under', 'alpha', 'B2', 'Beta', 'zeta', 'Émoji']);
    expect(full.descriptionHtml).toContain(`data-mention="${org.admin.id}"`);
    expect(full.watching).toBe(true);
    const child = await created({ title: 'A sub-task', parentId: full.id, labels: ['alpha'] });
    expect(child.parent).toEqual({ id: full.id, key: full.key, title: 'Everything set' });
    await created({ title: 'No mentions here', description: 'plain *text* & more' });
    // The parent's own answer was given before it had a sub-task; a read now shows it.
    expect((await ok(org.member, 'GET', `/api/v1/items/${full.id}`)).subtasks.map((s: { id: string }) => s.id)).toEqual([child.id]);
  });
});

describe('reading items', () => {
  it('finds an item by key in any case, and 404s on unknown keys', async () => {
    const project = await createProject(org.admin, { key: 'KEYS' });
    const item = await createItem(org.member, project.id);
    expect((await ok(org.viewer, 'GET', '/api/v1/items/by-key/keys-1')).id).toBe(item.id);
    expect((await ok(org.viewer, 'GET', '/api/v1/items/by-key/KEYS-1')).id).toBe(item.id);
    for (const key of ['KEYS-2', 'NOPE-1', 'KEYS', 'not a key']) {
      await fails(org.viewer, 'GET', `/api/v1/items/by-key/${encodeURIComponent(key)}`, undefined, 404, 'not_found');
    }
  });
});

describe('editing items', () => {
  it('answers 409 to a write based on a stale version and keeps the newer data', async () => {
    const project = await createProject(org.admin);
    const item = await createItem(org.member, project.id, { title: 'v1' });
    expect((await ok(org.member, 'PATCH', `/api/v1/items/${item.id}`, { version: 1, title: 'v2' })).version).toBe(2);
    const error = await fails(org.admin, 'PATCH', `/api/v1/items/${item.id}`, { version: 1, title: 'lost update' }, 409, 'conflict');
    expect(error.message).toMatch(/changed by someone else since you loaded it/);
    expect((await ok(org.member, 'GET', `/api/v1/items/${item.id}`)).title).toBe('v2');
  });

  it('lets exactly one of two concurrent writes with the same version win', async () => {
    const project = await createProject(org.admin);
    for (let round = 0; round < 5; round++) {
      const item = await createItem(org.member, project.id, { title: 'race' });
      const [a, b] = await Promise.all([
        org.member.request('PATCH', `/api/v1/items/${item.id}`, { version: 1, title: 'from A', priority: 'high' }),
        org.admin.request('PATCH', `/api/v1/items/${item.id}`, { version: 1, title: 'from B', labels: ['b'] }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const winner = a.statusCode === 200 ? a.json() : b.json();
      const stored = await ok(org.member, 'GET', `/api/v1/items/${item.id}`);
      expect(stored).toMatchObject({ version: 2, title: winner.title, priority: winner.priority });
      expect((await activityOf(item.id)).filter((row: { field: string }) => row.field === 'title')).toHaveLength(1);
    }
  });

  it('writes one activity row per changed field, with old and new values, and none for unchanged fields', async () => {
    const project = await createProject(org.admin);
    const [backlog, , started] = project.statuses;
    const item = await createItem(org.member, project.id, { title: 'Old', priority: 'low', labels: ['one'], estimateMinutes: 30 });
    const updated = await ok(org.member, 'PATCH', `/api/v1/items/${item.id}`, {
      version: 1,
      title: 'New',
      description: 'Now described',
      statusId: started.id,
      priority: 'low', // unchanged
      assigneeId: org.admin.id,
      labels: ['two', 'One'],
      estimateMinutes: 60,
      dueDate: '2031-01-31',
    });
    expect(updated).toMatchObject({ version: 2, title: 'New', statusId: started.id, estimateMinutes: 60, dueDate: '2031-01-31' });
    const rows = (await activityOf(item.id)).slice(1).map(({ field, oldValue, newValue, actor }: Record<string, unknown>) => ({ field, oldValue, newValue, actor: (actor as { id: string }).id }));
    expect(rows).toEqual(
      [
        { field: 'title', oldValue: 'Old', newValue: 'New' },
        { field: 'description', oldValue: '', newValue: 'Now described' },
        { field: 'estimate', oldValue: 30, newValue: 60 },
        { field: 'dueDate', oldValue: null, newValue: '2031-01-31' },
        { field: 'status', oldValue: { id: backlog.id, name: 'Backlog' }, newValue: { id: started.id, name: 'In progress' } },
        { field: 'assignee', oldValue: null, newValue: { id: org.admin.id, name: org.admin.name } },
        { field: 'labels', oldValue: ['one'], newValue: ['one', 'two'] },
      ].map((row) => ({ ...row, actor: org.member.id })),
    );

    // Sending the same values again changes nothing: no new version, no activity.
    const same = await ok(org.member, 'PATCH', `/api/v1/items/${item.id}`, { version: 2, title: 'New', labels: ['ONE', 'two'], assigneeId: org.admin.id });
    expect(same.version).toBe(2);
    expect(await activityOf(item.id)).toHaveLength(8);
    // The new assignee watches the item.
    expect((await ok(org.admin, 'GET', `/api/v1/items/${item.id}`)).watching).toBe(true);
  });

  it('puts an item whose status changes at the end of the new column', async () => {
    const project = await createProject(org.admin);
    const [backlog, todo] = project.statuses;
    const first = await createItem(org.member, project.id, { statusId: todo.id });
    const second = await createItem(org.member, project.id, { statusId: todo.id });
    const moved = await createItem(org.member, project.id, { statusId: backlog.id });
    const after = await ok(org.member, 'PATCH', `/api/v1/items/${moved.id}`, { version: 1, statusId: todo.id });
    expect(after.boardPosition).toBeGreaterThan(Math.max(first.boardPosition, second.boardPosition));
  });
});

describe('sub-tasks', () => {
  it('links parent and sub-tasks both ways', async () => {
    const project = await createProject(org.admin);
    const parent = await createItem(org.member, project.id, { title: 'Parent' });
    const child = await createItem(org.member, project.id, { title: 'Child', parentId: parent.id });
    expect(child.parent).toEqual({ id: parent.id, key: parent.key, title: 'Parent' });
    const reloaded = await ok(org.member, 'GET', `/api/v1/items/${parent.id}`);
    expect(reloaded.subtasks.map((s: { id: string }) => s.id)).toEqual([child.id]);
    const detached = await ok(org.member, 'PATCH', `/api/v1/items/${child.id}`, { version: 1, parentId: null });
    expect(detached.parent).toBeNull();
    expect((await activityOf(child.id)).at(-1)).toMatchObject({ field: 'parent', oldValue: { id: parent.id, key: parent.key }, newValue: null });
  });

  it('refuses a parent in another project, in the trash, the item itself, or one of its own sub-tasks', async () => {
    const project = await createProject(org.admin);
    const elsewhere = await createItem(org.member, (await createProject(org.admin)).id);
    const trashed = await createItem(org.member, project.id);
    await ok(org.member, 'DELETE', `/api/v1/items/${trashed.id}`);
    for (const parentId of [elsewhere.id, trashed.id]) {
      expect((await fails(org.member, 'POST', `/api/v1/projects/${project.id}/items`, { title: 'x', parentId }, 400, 'validation_failed')).field).toBe('parentId');
    }
    const a = await createItem(org.member, project.id);
    const b = await createItem(org.member, project.id, { parentId: a.id });
    const c = await createItem(org.member, project.id, { parentId: b.id });
    for (const parentId of [a.id, b.id, c.id]) {
      expect((await fails(org.member, 'PATCH', `/api/v1/items/${a.id}`, { version: 1, parentId }, 400, 'validation_failed')).field).toBe('parentId');
    }
  });

  it('allows a chain of 10 parents and refuses an 11th, also when a subtree is moved under another item', async () => {
    const project = await createProject(org.admin);
    const chain = [await createItem(org.member, project.id, { title: 'level 0' })];
    for (let level = 1; level <= 10; level++) chain.push(await createItem(org.member, project.id, { title: `level ${level}`, parentId: chain.at(-1).id }));
    const error = await fails(org.member, 'POST', `/api/v1/projects/${project.id}/items`, { title: 'level 11', parentId: chain[10].id }, 400, 'validation_failed');
    expect(error).toMatchObject({ field: 'parentId', message: expect.stringContaining('10') });

    // A two-level subtree fits under level 8 (8 + 1 + 1 = 10 parents for its leaf) but not under level 9.
    const top = await createItem(org.member, project.id, { title: 'subtree' });
    await createItem(org.member, project.id, { title: 'subtree leaf', parentId: top.id });
    expect((await fails(org.member, 'PATCH', `/api/v1/items/${top.id}`, { version: 1, parentId: chain[9].id }, 400, 'validation_failed')).field).toBe('parentId');
    expect((await ok(org.member, 'PATCH', `/api/v1/items/${top.id}`, { version: 1, parentId: chain[8].id })).parentId).toBe(chain[8].id);
  });
});

describe('trash', () => {
  it('moves items to the trash and back, hiding them from lists but not from their page', async () => {
    const project = await createProject(org.admin);
    const item = await createItem(org.member, project.id);
    const listed = async (trashed: boolean) =>
      (await ok(org.member, 'GET', `/api/v1/items?projectId=${project.id}&trashed=${trashed}`)).items.map((i: { id: string }) => i.id);

    expect((await org.member.request('DELETE', `/api/v1/items/${item.id}`)).statusCode).toBe(204);
    const trashed = await ok(org.viewer, 'GET', `/api/v1/items/${item.id}`);
    expect(trashed.deletedAt).toEqual(expect.any(String));
    expect(trashed.version).toBe(2);
    expect(await listed(false)).not.toContain(item.id);
    expect(await listed(true)).toEqual([item.id]);
    await fails(org.member, 'PATCH', `/api/v1/items/${item.id}`, { version: 2, title: 'edit in trash' }, 409, 'conflict');
    // Deleting again changes nothing.
    await ok(org.member, 'DELETE', `/api/v1/items/${item.id}`);

    const restored = await ok(org.member, 'POST', `/api/v1/items/${item.id}/restore`, {});
    expect(restored).toMatchObject({ deletedAt: null, version: 3 });
    expect(await listed(false)).toContain(item.id);
    expect((await activityOf(item.id)).map((row: { field: string }) => row.field)).toEqual(['created', 'deleted', 'restored']);
  });

  it('is read-only for viewers', async () => {
    const project = await createProject(org.admin);
    const item = await createItem(org.member, project.id);
    await fails(org.viewer, 'DELETE', `/api/v1/items/${item.id}`, undefined, 403, 'forbidden');
    await ok(org.member, 'DELETE', `/api/v1/items/${item.id}`);
    await fails(org.viewer, 'POST', `/api/v1/items/${item.id}/restore`, {}, 403, 'forbidden');
  });
});

describe('watching', () => {
  it('watches and unwatches', async () => {
    const project = await createProject(org.admin);
    const item = await createItem(org.member, project.id);
    expect((await org.owner.request('PUT', `/api/v1/items/${item.id}/watch`, {})).statusCode).toBe(204);
    expect((await ok(org.owner, 'GET', `/api/v1/items/${item.id}`)).watching).toBe(true);
    await ok(org.owner, 'PUT', `/api/v1/items/${item.id}/watch`, {});
    expect((await org.owner.request('DELETE', `/api/v1/items/${item.id}/watch`)).statusCode).toBe(204);
    expect((await ok(org.owner, 'GET', `/api/v1/items/${item.id}`)).watching).toBe(false);
  });
});
