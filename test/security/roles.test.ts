// The role matrix of product.md, "Organization and members": what each role may and may not do.
//   OWNER  everything, including other owners
//   ADMIN  members, invites, settings, all projects (and their statuses)
//   MEMBER create and edit work: items, comments, labels, saved views; track own time
//   VIEWER read-only
// Every action is tried by every role on fresh resources; allowed → 2xx, refused → 403 `forbidden`
// and nothing changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createOrganization, type TestRole } from '../support/api';
import { startTestServer } from '../support/server';
import { withClient } from '../support/db';
import { ok } from '../support/work';

let server: Awaited<ReturnType<typeof startTestServer>>;
let org: Awaited<ReturnType<typeof createOrganization>>;
let project: { id: string; statuses: { id: string }[] };

let n = 0;
const newItem = async () => ok(org.owner, 'POST', `/api/v1/projects/${project.id}/items`, { title: `Item ${++n}` });

interface Action {
  name: string;
  least: TestRole;
  /** Prepares what the action needs (as the owner, or straight in the database) and returns the request `role` tries. */
  request: (role: TestRole) => Promise<[method: string, url: string, body?: unknown]>;
}

let colleague: { id: string } | undefined;

/**
 * A time entry of `role`'s person (or of someone else, `role` null), finished or running, written
 * straight to the table: a viewer cannot log time, but may have entries from before a demotion.
 */
async function timeEntryOf(role: TestRole | null, running = false): Promise<string> {
  const userId = role ? org[role].id : (colleague ??= await addUser(server.app, server.databaseUrl, org.id, 'MEMBER')).id;
  const item = await newItem();
  const id = await withClient(server.databaseUrl, async (client) => {
    if (running) await client.query('DELETE FROM time_entries WHERE user_id = $1 AND ended_at IS NULL', [userId]);
    const { rows } = await client.query(
      `INSERT INTO time_entries (organization_id, item_id, user_id, started_at, ended_at, classification, kind)
       VALUES ($1, $2, $3, date_trunc('second', now()) - interval '1 hour',
               CASE WHEN $4 THEN NULL ELSE date_trunc('second', now()) END, CASE WHEN $4 THEN NULL ELSE 'planned'::time_class END,
               CASE WHEN $4 THEN 'timer' ELSE 'manual' END)
       RETURNING id`,
      [org.id, item.id, userId, running],
    );
    return rows[0].id as string;
  });
  await server.changesSeen();
  return id;
}

const ACTIONS: Action[] = [
  { name: 'read items, members and projects', least: 'VIEWER', request: async () => ['GET', `/api/v1/items?projectId=${project.id}`] },
  { name: 'read an item', least: 'VIEWER', request: async () => ['GET', `/api/v1/items/${(await newItem()).id}`] },
  { name: 'search', least: 'VIEWER', request: async () => ['GET', '/api/v1/search?q=item'] },
  { name: 'read the inbox', least: 'VIEWER', request: async () => ['GET', '/api/v1/inbox'] },
  { name: "read an item's time", least: 'VIEWER', request: async () => ['GET', `/api/v1/items/${(await newItem()).id}/time-entries`] },
  { name: 'read their running timer', least: 'VIEWER', request: async () => ['GET', '/api/v1/timer'] },
  { name: 'create a read-only access token', least: 'VIEWER', request: async () => ['POST', '/api/v1/tokens', { name: 'ci', scope: 'read' }] },
  { name: 'create an item', least: 'MEMBER', request: async () => ['POST', `/api/v1/projects/${project.id}/items`, { title: 'New work' }] },
  { name: 'quick-add an item', least: 'MEMBER', request: async () => ['POST', '/api/v1/items/quick-add', { projectId: project.id, text: 'Quick one !high' }] },
  {
    name: 'edit an item',
    least: 'MEMBER',
    request: async () => {
      const item = await newItem();
      return ['PATCH', `/api/v1/items/${item.id}`, { version: item.version, title: 'Edited' }];
    },
  },
  {
    name: 'move an item on the board',
    least: 'MEMBER',
    request: async () => {
      const item = await newItem();
      return ['POST', `/api/v1/items/${item.id}/move`, { version: item.version, statusId: project.statuses[2]!.id, afterId: null, beforeId: null }];
    },
  },
  { name: 'trash an item', least: 'MEMBER', request: async () => ['DELETE', `/api/v1/items/${(await newItem()).id}`] },
  { name: 'comment on an item', least: 'MEMBER', request: async () => ['POST', `/api/v1/items/${(await newItem()).id}/comments`, { body: 'Looks good' }] },
  { name: 'start a timer', least: 'MEMBER', request: async () => ['POST', `/api/v1/items/${(await newItem()).id}/timer`, {}] },
  {
    name: 'stop their timer',
    least: 'MEMBER',
    request: async (role) => {
      await timeEntryOf(role, true);
      return ['POST', '/api/v1/timer/stop', {}];
    },
  },
  { name: 'log time', least: 'MEMBER', request: async () => ['POST', `/api/v1/items/${(await newItem()).id}/time-entries`, { duration: '30m' }] },
  { name: 'edit their own time entry', least: 'MEMBER', request: async (role) => ['PATCH', `/api/v1/time-entries/${await timeEntryOf(role)}`, { note: 'Edited' }] },
  { name: 'delete their own time entry', least: 'MEMBER', request: async (role) => ['DELETE', `/api/v1/time-entries/${await timeEntryOf(role)}`] },
  { name: "edit someone else's time entry", least: 'ADMIN', request: async () => ['PATCH', `/api/v1/time-entries/${await timeEntryOf(null)}`, { duration: '2h' }] },
  { name: "delete someone else's time entry", least: 'ADMIN', request: async () => ['DELETE', `/api/v1/time-entries/${await timeEntryOf(null)}`] },
  { name: 'create a label', least: 'MEMBER', request: async () => ['POST', '/api/v1/labels', { name: `label-${++n}` }] },
  { name: 'save a view', least: 'MEMBER', request: async () => ['POST', '/api/v1/views', { name: `View ${++n}`, query: {} }] },
  { name: 'create a read-write access token', least: 'MEMBER', request: async () => ['POST', '/api/v1/tokens', { name: 'bot', scope: 'read_write' }] },
  { name: 'create a project', least: 'ADMIN', request: async () => ['POST', '/api/v1/projects', { key: `P${++n}X`, name: 'Another' }] },
  { name: 'edit a project', least: 'ADMIN', request: async () => ['PATCH', `/api/v1/projects/${project.id}`, { description: `Edited ${++n}` }] },
  { name: 'add a status', least: 'ADMIN', request: async () => ['POST', `/api/v1/projects/${project.id}/statuses`, { name: `Stage ${++n}`, category: 'started' }] },
  { name: 'invite a member', least: 'ADMIN', request: async () => ['POST', '/api/v1/invites', { role: 'MEMBER' }] },
  {
    name: "change a member's role",
    least: 'ADMIN',
    request: async () => {
      const someone = await addUser(server.app, server.databaseUrl, org.id, 'MEMBER');
      return ['PATCH', `/api/v1/members/${someone.id}`, { role: 'VIEWER' }];
    },
  },
  {
    name: 'deactivate a member',
    least: 'ADMIN',
    request: async () => ['POST', `/api/v1/members/${(await addUser(server.app, server.databaseUrl, org.id, 'MEMBER')).id}/deactivate`],
  },
  { name: 'change organization settings', least: 'ADMIN', request: async () => ['PATCH', '/api/v1/organization', { weekStart: 1 }] },
  { name: 'invite an owner', least: 'OWNER', request: async () => ['POST', '/api/v1/invites', { role: 'OWNER' }] },
  {
    name: 'make someone an owner',
    least: 'OWNER',
    request: async () => ['PATCH', `/api/v1/members/${(await addUser(server.app, server.databaseUrl, org.id, 'ADMIN')).id}`, { role: 'OWNER' }],
  },
  {
    name: 'deactivate another owner',
    least: 'OWNER',
    request: async () => ['POST', `/api/v1/members/${(await addUser(server.app, server.databaseUrl, org.id, 'OWNER')).id}/deactivate`],
  },
];

const RANK: Record<TestRole, number> = { VIEWER: 0, MEMBER: 1, ADMIN: 2, OWNER: 3 };

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganization(server.app, server.databaseUrl, 'Roles');
  project = await ok(org.owner, 'POST', '/api/v1/projects', { key: 'ROLE', name: 'Role matrix' });
});
afterAll(() => server?.close());

describe('role matrix', () => {
  for (const role of ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER'] as const) {
    for (const action of ACTIONS) {
      const allowed = RANK[role] >= RANK[action.least];
      it(`${role} ${allowed ? 'may' : 'may not'} ${action.name}`, async () => {
        const [method, url, body] = await action.request(role);
        const response = await org[role].request(method, url, body);
        if (allowed) {
          expect(response.statusCode, response.body).toBeLessThan(300);
        } else {
          expect(response.statusCode, response.body).toBe(403);
          expect(response.json().error.code).toBe('forbidden');
        }
      });
    }
  }
});
