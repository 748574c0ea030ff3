// Who may call the work endpoints (projects, statuses, labels, items): viewers write nothing,
// members do not manage projects or statuses, and another organization's ids answer 404 with none
// of its data, whatever the role — and change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, type TestUser } from '../../../../../test/support/api';
import { withClient } from '../../../../../test/support/db';
import { startTestServer } from '../../../../../test/support/server';
import { createItem, createProject, nextKey, ok } from '../../../../../test/support/work';

let server: Awaited<ReturnType<typeof startTestServer>>;
let home: Awaited<ReturnType<typeof createOrganization>>;
let away: Awaited<ReturnType<typeof createOrganization>>;

interface Fixture {
  project: { id: string; key: string; statuses: { id: string }[] };
  label: { id: string };
  item: { id: string; key: string; version: number };
  trashed: { id: string };
}
let mine: Fixture;
let theirs: Fixture;
const SECRET = 'zebra-secret';

async function fixture(owner: TestUser, member: TestUser, words: string): Promise<Fixture> {
  const project = await createProject(owner, { name: `${words} project` });
  const label = await ok(member, 'POST', '/api/v1/labels', { name: `${words}-label` });
  const item = await createItem(member, project.id, { title: `${words} item`, description: `${words} description`, labels: [label.id] });
  const trashed = await createItem(member, project.id, { title: `${words} trashed` });
  await ok(member, 'DELETE', `/api/v1/items/${trashed.id}`);
  return { project, label, item, trashed };
}

async function snapshot() {
  return withClient(server.databaseUrl, async (client) => {
    const out: Record<string, string> = {};
    for (const table of ['projects', 'statuses', 'labels', 'items', 'item_labels', 'item_activity', 'item_watchers']) {
      const { rows } = await client.query(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM ${table} t`);
      out[table] = rows[0].h;
    }
    return out;
  });
}

beforeAll(async () => {
  server = await startTestServer();
  home = await createOrganization(server.app, server.databaseUrl);
  away = await createOrganization(server.app, server.databaseUrl);
  mine = await fixture(home.owner, home.member, 'home');
  theirs = await fixture(away.owner, away.member, SECRET);
});
afterAll(() => server?.close());

/** Every write of the work API, against the fixture `f`; `least` is the least role allowed. */
function writes(f: Fixture): { least: 'MEMBER' | 'ADMIN'; method: string; url: string; body?: unknown }[] {
  const [first, second] = f.project.statuses.map((s) => s.id);
  return [
    { least: 'ADMIN', method: 'POST', url: '/api/v1/projects', body: { key: nextKey('W'), name: 'New' } },
    { least: 'ADMIN', method: 'PATCH', url: `/api/v1/projects/${f.project.id}`, body: { name: 'Renamed' } },
    { least: 'ADMIN', method: 'PATCH', url: `/api/v1/projects/${f.project.id}`, body: { archived: true } },
    { least: 'ADMIN', method: 'POST', url: `/api/v1/projects/${f.project.id}/statuses`, body: { name: 'Extra', category: 'started' } },
    { least: 'ADMIN', method: 'PUT', url: `/api/v1/projects/${f.project.id}/statuses/order`, body: { statusIds: [...f.project.statuses.map((s) => s.id)].reverse() } },
    { least: 'ADMIN', method: 'PATCH', url: `/api/v1/statuses/${first}`, body: { name: 'Renamed' } },
    { least: 'ADMIN', method: 'DELETE', url: `/api/v1/statuses/${first}`, body: { moveTo: second } },
    { least: 'MEMBER', method: 'POST', url: '/api/v1/labels', body: { name: 'new-label' } },
    { least: 'MEMBER', method: 'PATCH', url: `/api/v1/labels/${f.label.id}`, body: { color: 'red' } },
    { least: 'MEMBER', method: 'DELETE', url: `/api/v1/labels/${f.label.id}` },
    { least: 'MEMBER', method: 'POST', url: `/api/v1/projects/${f.project.id}/items`, body: { title: 'New item' } },
    { least: 'MEMBER', method: 'POST', url: '/api/v1/items/quick-add', body: { projectId: f.project.id, text: 'Quick #x' } },
    { least: 'MEMBER', method: 'PATCH', url: `/api/v1/items/${f.item.id}`, body: { version: f.item.version, title: 'Overwritten' } },
    { least: 'MEMBER', method: 'POST', url: `/api/v1/items/${f.item.id}/move`, body: { version: f.item.version, statusId: second, afterId: null, beforeId: null } },
    { least: 'MEMBER', method: 'DELETE', url: `/api/v1/items/${f.item.id}` },
    { least: 'MEMBER', method: 'POST', url: `/api/v1/items/${f.trashed.id}/restore`, body: {} },
    { least: 'MEMBER', method: 'PUT', url: `/api/v1/items/${f.item.id}/watch`, body: {} },
    { least: 'MEMBER', method: 'DELETE', url: `/api/v1/items/${f.item.id}/watch` },
  ];
}

describe('roles on the work endpoints', () => {
  it('refuses every write to viewers, and project and status management to members, changing nothing', async () => {
    const before = await snapshot();
    const failures: string[] = [];
    for (const user of [home.viewer, home.member]) {
      for (const write of writes(mine)) {
        if (user.role === 'MEMBER' && write.least === 'MEMBER') continue;
        const response = await user.request(write.method, write.url, write.body);
        if (response.statusCode !== 403 || response.json().error.code !== 'forbidden') {
          failures.push(`${user.role} ${write.method} ${write.url} → ${response.statusCode} ${response.body.slice(0, 120)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });
});

describe('another organization’s ids', () => {
  it('answer 404 to every role on every work endpoint, with none of their data, changing nothing', async () => {
    const before = await snapshot();
    const reads = [
      `/api/v1/projects/${theirs.project.id}`,
      `/api/v1/items/${theirs.item.id}`,
      `/api/v1/items/${theirs.trashed.id}`,
      `/api/v1/items/by-key/${theirs.item.key}`,
      `/api/v1/items/${theirs.item.id}/activity`,
    ].map((url) => ({ method: 'GET', url, body: undefined as unknown }));
    const requests = [...reads, ...writes(theirs).filter((w) => w.url.includes('/items/') || /[0-9a-f]{8}-/.test(JSON.stringify(w)))];
    const failures: string[] = [];
    for (const user of [home.owner, home.admin, home.member, home.viewer]) {
      for (const { method, url, body } of requests) {
        const response = await user.request(method, url, body);
        const leaked = response.body.includes(SECRET) || response.body.includes(theirs.project.key);
        if (response.statusCode !== 404 || response.json().error.code !== 'not_found' || leaked) {
          failures.push(`${user.role} ${method} ${url} → ${response.statusCode} ${response.body.slice(0, 120)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('are never listed, and cannot be linked from this organization’s items', async () => {
    for (const url of ['/api/v1/projects?archived=true', '/api/v1/labels', '/api/v1/items?limit=200', `/api/v1/items?projectId=${theirs.project.id}`, '/api/v1/items?trashed=true']) {
      const body = (await home.owner.request('GET', url)).body;
      expect(body, url).not.toContain(SECRET);
    }
    const url = `/api/v1/items/${mine.item.id}`;
    const version = (await ok(home.member, 'GET', url)).version;
    for (const [field, value] of [['parentId', theirs.item.id], ['assigneeId', away.member.id], ['statusId', theirs.project.statuses[0]!.id], ['labels', [theirs.label.id]]] as const) {
      const response = await home.member.request('PATCH', url, { version, [field]: value });
      expect(response.statusCode, field).toBe(400);
      expect(response.json().error.field).toBe(field);
      expect(response.body).not.toContain(SECRET);
    }
  });
});
