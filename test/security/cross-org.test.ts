// Every endpoint that takes an id, called by every role of one organization with another
// organization's ids: the answer is 404 `not_found`, the body holds none of the other
// organization's data, and nothing of theirs changes. The routes come from the OpenAPI document,
// so a new endpoint cannot slip past: it fails here until it has a sample request below.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from '../support/api';
import { startTestServer } from '../support/server';
import { ok } from '../support/work';
import { withClient } from '../support/db';

let server: Awaited<ReturnType<typeof startTestServer>>;
let alpha: Awaited<ReturnType<typeof createOrganization>>;
let bravo: Awaited<ReturnType<typeof createOrganization>>;
/** Bravo's resources, by the name of the path segment that precedes the id. */
const ids: Record<string, string> = {};
/** Strings that only Bravo's data contains: none may appear in an answer to Alpha. */
const secrets: string[] = [];

async function snapshot() {
  return withClient(server.databaseUrl, async (client) => {
    const tables = ['projects', 'statuses', 'labels', 'items', 'item_labels', 'comments', 'saved_views', 'invites', 'access_tokens', 'memberships', 'notifications', 'item_watchers', 'time_entries', 'time_day_totals'];
    const out: Record<string, unknown> = {};
    for (const table of tables) {
      const { rows } = await client.query(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM ${table} t`);
      out[table] = rows[0].h;
    }
    return out;
  });
}

beforeAll(async () => {
  server = await startTestServer();
  alpha = await createOrganization(server.app, server.databaseUrl, 'Alpha');
  bravo = await createOrganization(server.app, server.databaseUrl, 'Bravo');
  const owner = bravo.owner;
  const project = await ok(owner, 'POST', '/api/v1/projects', { key: 'BRAVOX', name: 'Bravo secret project' });
  ids.projects = project.id;
  ids.statuses = project.statuses[0].id;
  const label = await ok(owner, 'POST', '/api/v1/labels', { name: 'bravo-secret-label' });
  ids.labels = label.id;
  const item = await ok(owner, 'POST', `/api/v1/projects/${project.id}/items`, {
    title: 'Bravo secret item', description: 'bravo secret description', labels: [label.id], assigneeId: bravo.member.id,
  });
  ids.items = item.id;
  ids['by-key'] = item.key;
  const comment = await ok(owner, 'POST', `/api/v1/items/${item.id}/comments`, { body: `bravo secret comment @${bravo.member.handle}` });
  ids.comments = comment.id;
  const view = await ok(owner, 'POST', '/api/v1/views', { name: 'bravo secret view', shared: true, query: {} });
  ids.views = view.id;
  const token = await ok(owner, 'POST', '/api/v1/tokens', { name: 'bravo secret token', scope: 'read' });
  ids.tokens = token.id;
  const invite = await ok(owner, 'POST', '/api/v1/invites', { role: 'MEMBER', email: 'bravo-invitee@example.test' });
  ids.invites = invite.id;
  ids.members = bravo.member.id;
  // A finished entry and a running timer of Bravo's member.
  const entry = await ok(bravo.member, 'POST', `/api/v1/items/${item.id}/time-entries`, { duration: '1h', note: 'bravo secret note' });
  ids['time-entries'] = entry.id;
  await ok(bravo.member, 'POST', `/api/v1/items/${item.id}/timer`, {});
  // A notification for Bravo's member, written as the worker would.
  ids.inbox = await withClient(server.databaseUrl, async (client) => {
    const { rows } = await client.query(
      `INSERT INTO notifications (organization_id, user_id, item_id, kind, dedupe_key, last_event_key)
       VALUES ($1, $2, $3::uuid, 'assigned', 'assigned:' || $3::text, 'x') RETURNING id`,
      [bravo.id, bravo.member.id, item.id],
    );
    return rows[0].id as string;
  });
  secrets.push('Bravo secret', 'bravo secret', 'bravo-secret', 'bravo-invitee', bravo.member.email, bravo.owner.email, ...Object.values(ids));
});
afterAll(() => server?.close());

/** A request body that passes validation for each route, so that only the id decides the answer. */
const SAMPLE_BODIES: Record<string, unknown> = {
  'PATCH /api/v1/projects/{id}': { name: 'Renamed by Alpha' },
  'POST /api/v1/projects/{id}/statuses': { name: 'Alpha status', category: 'started' },
  'PUT /api/v1/projects/{id}/statuses/order': { statusIds: ['00000000-0000-4000-8000-000000000000'] },
  'POST /api/v1/projects/{id}/items': { title: 'Alpha item in Bravo' },
  'PATCH /api/v1/statuses/{id}': { name: 'Renamed' },
  'DELETE /api/v1/statuses/{id}': { moveTo: '00000000-0000-4000-8000-000000000000' },
  'PATCH /api/v1/labels/{id}': { name: 'renamed' },
  'PATCH /api/v1/items/{id}': { version: 1, title: 'Overwritten by Alpha' },
  'POST /api/v1/items/{id}/move': { version: 1, statusId: '00000000-0000-4000-8000-000000000000', afterId: null, beforeId: null },
  'POST /api/v1/items/{id}/comments': { body: 'Alpha was here' },
  'PATCH /api/v1/comments/{id}': { body: 'Alpha was here' },
  'PATCH /api/v1/views/{id}': { name: 'Alpha view' },
  'PATCH /api/v1/members/{userId}': { role: 'VIEWER' },
  'POST /api/v1/items/{id}/timer': {},
  'POST /api/v1/items/{id}/time-entries': { duration: '1h' },
  'PATCH /api/v1/time-entries/{id}': { note: 'Alpha was here' },
};

/** Endpoints whose path parameter is not an organization-scoped id. */
const NOT_SCOPED = new Set(['GET /api/v1/invites/{token}', 'POST /api/v1/invites/{token}/accept']);

function routesWithIds(): { method: string; path: string }[] {
  const doc = server.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods)
      .filter(() => path.includes('{'))
      .map((method) => ({ method: method.toUpperCase(), path }))
      .filter((route) => !NOT_SCOPED.has(`${route.method} ${route.path}`)),
  );
}

function fill(path: string): string {
  return path.replace(/\/([a-z-]+)\/\{(\w+)\}/g, (_match, segment: string, param: string) => {
    const id = ids[segment];
    if (!id) throw new Error(`no Bravo id for {${param}} after /${segment}/ in ${path}: add one in beforeAll`);
    return `/${segment}/${encodeURIComponent(id)}`;
  });
}

describe('another organization’s ids', () => {
  it('finds the endpoints that take ids in the OpenAPI document', () => {
    const routes = routesWithIds();
    expect(routes.length).toBeGreaterThan(20);
    const missing = routes
      .filter((r) => ['POST', 'PATCH', 'PUT'].includes(r.method) && !(`${r.method} ${r.path}` in SAMPLE_BODIES))
      .map((r) => `${r.method} ${r.path}`);
    // A write that needs a body but has no sample here would be refused by validation before its id is looked up.
    expect(missing.filter((route) => !/\/(restore|read|unread|deactivate|reactivate|watch)$/.test(route))).toEqual([]);
  });

  it('answers 404 with no data to every role, for every endpoint, and changes nothing', async () => {
    const before = await snapshot();
    const failures: string[] = [];
    for (const role of ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER'] as const) {
      const user = alpha[role];
      for (const route of routesWithIds()) {
        const url = fill(route.path);
        const body = SAMPLE_BODIES[`${route.method} ${route.path}`] ?? (route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
        const response = await user.request(route.method, url, body);
        const leaked = secrets.filter((s) => response.body.includes(s));
        if (response.statusCode !== 404 || response.json().error?.code !== 'not_found' || leaked.length > 0) {
          failures.push(`${role} ${route.method} ${url} → ${response.statusCode} ${response.body.slice(0, 160)}${leaked.length ? ` LEAKED ${leaked.join(', ')}` : ''}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('never lists another organization’s data', async () => {
    const doc = server.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const lists = Object.entries(doc.paths)
      .filter(([path, methods]) => !path.includes('{') && 'get' in methods && path.startsWith('/api/v1/'))
      .map(([path]) => path);
    expect(lists.length).toBeGreaterThan(5);
    const failures: string[] = [];
    for (const role of ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER'] as const) {
      for (const path of lists) {
        const url = path === '/api/v1/search' ? '/api/v1/search?q=bravo' : path;
        const response = await alpha[role].request('GET', url);
        const leaked = secrets.filter((s) => response.body.includes(s));
        if (leaked.length > 0) failures.push(`${role} GET ${url} leaked ${leaked.join(', ')}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
