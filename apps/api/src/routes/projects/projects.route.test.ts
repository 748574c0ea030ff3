import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from '../../../../../test/support/api';
import { withClient } from '../../../../../test/support/db';
import { startTestServer } from '../../../../../test/support/server';
import { createItem, createProject, fails, nextKey, ok } from '../../../../../test/support/work';

let server: Awaited<ReturnType<typeof startTestServer>>;
let org: Awaited<ReturnType<typeof createOrganization>>;
let other: Awaited<ReturnType<typeof createOrganization>>;

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganization(server.app, server.databaseUrl);
  other = await createOrganization(server.app, server.databaseUrl);
});
afterAll(() => server?.close());

const query = async (sql: string, params: unknown[] = []) => withClient(server.databaseUrl, async (c) => (await c.query(sql, params)).rows);

describe('projects', () => {
  it('creates a project with the default statuses, in order, each in its category', async () => {
    const response = await org.admin.request('POST', '/api/v1/projects', { key: 'OPS', name: 'Operations', description: 'Keeping the lights on' });
    expect(response.statusCode).toBe(201);
    const project = response.json();
    expect(project).toMatchObject({ key: 'OPS', name: 'Operations', description: 'Keeping the lights on', archivedAt: null, openItems: 0 });
    expect(project.statuses.map((s: { name: string; category: string; position: number }) => [s.name, s.category, s.position])).toEqual([
      ['Backlog', 'backlog', 0],
      ['Todo', 'unstarted', 1],
      ['In progress', 'started', 2],
      ['In review', 'started', 3],
      ['Done', 'completed', 4],
      ['Cancelled', 'cancelled', 5],
    ]);
    expect((await ok(org.viewer, 'GET', `/api/v1/projects/${project.id}`)).statuses).toEqual(project.statuses);
  });

  it('refuses keys that break the rules, naming the field', async () => {
    for (const key of ['ops', 'O', 'OPS-1', '1OPS', 'ABCDEFGHIJK', 'OP S', '']) {
      const error = await fails(org.admin, 'POST', '/api/v1/projects', { key, name: 'Bad key' }, 400, 'validation_failed');
      expect(error.field, key).toBe('key');
    }
    expect((await createProject(org.admin, { key: 'A1234567890'.slice(0, 10) })).key).toBe('A123456789');
  });

  it('answers 409 on a key already used in the organization, but not on one used elsewhere', async () => {
    await createProject(org.admin, { key: 'DUP' });
    const error = await fails(org.owner, 'POST', '/api/v1/projects', { key: 'DUP', name: 'Again' }, 409, 'conflict');
    expect(error.field).toBe('key');
    expect((await createProject(other.admin, { key: 'DUP' })).key).toBe('DUP');
  });

  it('never changes the key after creation', async () => {
    const project = await createProject(org.admin);
    const error = await fails(org.admin, 'PATCH', `/api/v1/projects/${project.id}`, { key: 'NEW', name: 'Renamed' }, 400, 'validation_failed');
    expect(error.field).toBe('key');
    const after = await ok(org.admin, 'PATCH', `/api/v1/projects/${project.id}`, { name: 'Renamed', description: 'New words' });
    expect(after).toMatchObject({ key: project.key, name: 'Renamed', description: 'New words' });
  });

  it('archives and unarchives: archived projects leave the list unless asked for', async () => {
    const project = await createProject(org.admin);
    const archived = await ok(org.admin, 'PATCH', `/api/v1/projects/${project.id}`, { archived: true });
    expect(archived.archivedAt).toEqual(expect.any(String));
    const ids = async (url: string) => (await ok(org.viewer, 'GET', url)).projects.map((p: { id: string }) => p.id);
    expect(await ids('/api/v1/projects')).not.toContain(project.id);
    expect(await ids('/api/v1/projects?archived=true')).toContain(project.id);
    expect(await ids('/api/v1/projects?archived=false')).not.toContain(project.id);
    expect((await ok(org.viewer, 'GET', `/api/v1/projects/${project.id}`)).archivedAt).toBe(archived.archivedAt);
    expect((await ok(org.admin, 'PATCH', `/api/v1/projects/${project.id}`, { archived: false })).archivedAt).toBeNull();
    expect(await ids('/api/v1/projects')).toContain(project.id);
  });

  it('counts open items: not completed, not cancelled, not in the trash', async () => {
    const project = await createProject(org.admin);
    const [backlog, , , , done, cancelled] = project.statuses.map((s: { id: string }) => s.id);
    await createItem(org.member, project.id, { statusId: backlog });
    const trashed = await createItem(org.member, project.id);
    await createItem(org.member, project.id, { statusId: done });
    await createItem(org.member, project.id, { statusId: cancelled });
    await ok(org.member, 'DELETE', `/api/v1/items/${trashed.id}`);
    expect((await ok(org.member, 'GET', `/api/v1/projects/${project.id}`)).openItems).toBe(1);
  });

  it('lets only owners and admins create and change projects', async () => {
    for (const user of [org.member, org.viewer]) {
      await fails(user, 'POST', '/api/v1/projects', { key: nextKey('R'), name: 'Nope' }, 403, 'forbidden');
    }
    const project = await createProject(org.owner);
    for (const user of [org.member, org.viewer]) {
      await fails(user, 'PATCH', `/api/v1/projects/${project.id}`, { name: 'Nope' }, 403, 'forbidden');
    }
    expect((await ok(org.viewer, 'GET', '/api/v1/projects')).projects.length).toBeGreaterThan(0);
  });
});

describe('statuses', () => {
  it('adds a status at the end and refuses a name the project already has, in any case', async () => {
    const project = await createProject(org.admin);
    const response = await org.admin.request('POST', `/api/v1/projects/${project.id}/statuses`, { name: 'Blocked', category: 'started' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ name: 'Blocked', category: 'started', position: 6 });
    const error = await fails(org.admin, 'POST', `/api/v1/projects/${project.id}/statuses`, { name: 'in PROGRESS', category: 'started' }, 409, 'conflict');
    expect(error.field).toBe('name');
  });

  it('renames and recategorizes a status, refusing a taken name', async () => {
    const project = await createProject(org.admin);
    const review = project.statuses[3];
    expect(await ok(org.admin, 'PATCH', `/api/v1/statuses/${review.id}`, { name: 'QA', category: 'unstarted' })).toMatchObject({
      id: review.id, name: 'QA', category: 'unstarted', position: 3,
    });
    const error = await fails(org.admin, 'PATCH', `/api/v1/statuses/${review.id}`, { name: 'done' }, 409, 'conflict');
    expect(error.field).toBe('name');
  });

  it('reorders statuses only when every status is listed exactly once', async () => {
    const project = await createProject(org.admin);
    const ids: string[] = project.statuses.map((s: { id: string }) => s.id);
    const foreign = (await createProject(org.admin)).statuses[0].id;
    const url = `/api/v1/projects/${project.id}/statuses/order`;
    for (const statusIds of [ids.slice(1), [...ids, ids[0]], [...ids.slice(1), foreign], [ids[0], ...ids.slice(0, -1)]]) {
      const error = await fails(org.admin, 'PUT', url, { statusIds }, 400, 'validation_failed');
      expect(error.field).toBe('statusIds');
    }
    const reversed = [...ids].reverse();
    const after = await ok(org.admin, 'PUT', url, { statusIds: reversed });
    expect(after.statuses.map((s: { id: string }) => s.id)).toEqual(reversed);
    expect(after.statuses.map((s: { position: number }) => s.position)).toEqual([0, 1, 2, 3, 4, 5]);
    // The first status by position is where new items go.
    expect((await createItem(org.member, project.id)).statusId).toBe(reversed[0]);
  });

  it('deletes a status after moving all its items, trash included, recording each move', async () => {
    const project = await createProject(org.admin);
    const [backlog, todo] = project.statuses;
    const kept = await createItem(org.member, project.id, { statusId: todo.id, title: 'already in todo' });
    const a = await createItem(org.member, project.id, { statusId: backlog.id, title: 'a' });
    const b = await createItem(org.member, project.id, { statusId: backlog.id, title: 'b' });
    await ok(org.member, 'DELETE', `/api/v1/items/${b.id}`);
    const response = await org.admin.request('DELETE', `/api/v1/statuses/${backlog.id}`, { moveTo: todo.id });
    expect(response.statusCode).toBe(204);

    const after = await ok(org.admin, 'GET', `/api/v1/projects/${project.id}`);
    expect(after.statuses.map((s: { id: string }) => s.id)).not.toContain(backlog.id);
    for (const item of [a, b]) {
      const moved = await ok(org.member, 'GET', `/api/v1/items/${item.id}`);
      expect(moved).toMatchObject({ statusId: todo.id, version: item.version + (item === b ? 2 : 1) });
      expect(moved.boardPosition).toBeGreaterThan(kept.boardPosition);
      const { activity } = await ok(org.member, 'GET', `/api/v1/items/${item.id}/activity`);
      expect(activity.at(-1)).toMatchObject({
        field: 'status', actor: { id: org.admin.id }, oldValue: { id: backlog.id, name: 'Backlog' }, newValue: { id: todo.id, name: 'Todo' },
      });
    }
  });

  it('refuses to move items to the same status or another project’s, and to delete the last status', async () => {
    const project = await createProject(org.admin);
    const foreign = (await createProject(org.admin)).statuses[0].id;
    const first = project.statuses[0].id;
    for (const moveTo of [first, foreign]) {
      expect((await fails(org.admin, 'DELETE', `/api/v1/statuses/${first}`, { moveTo }, 400, 'validation_failed')).field).toBe('moveTo');
    }
    const [last, ...rest] = project.statuses.map((s: { id: string }) => s.id);
    for (const id of rest) await ok(org.admin, 'DELETE', `/api/v1/statuses/${id}`, { moveTo: last });
    await fails(org.admin, 'DELETE', `/api/v1/statuses/${last}`, { moveTo: rest[0] }, 409, 'conflict');
    expect(await query('SELECT count(*)::int AS n FROM statuses WHERE project_id = $1', [project.id])).toEqual([{ n: 1 }]);
  });

  it('lets only owners and admins manage statuses', async () => {
    const project = await createProject(org.admin);
    const [first, second] = project.statuses.map((s: { id: string }) => s.id);
    for (const user of [org.member, org.viewer]) {
      await fails(user, 'POST', `/api/v1/projects/${project.id}/statuses`, { name: 'X', category: 'started' }, 403, 'forbidden');
      await fails(user, 'PATCH', `/api/v1/statuses/${first}`, { name: 'X' }, 403, 'forbidden');
      await fails(user, 'PUT', `/api/v1/projects/${project.id}/statuses/order`, { statusIds: project.statuses.map((s: { id: string }) => s.id) }, 403, 'forbidden');
      await fails(user, 'DELETE', `/api/v1/statuses/${first}`, { moveTo: second }, 403, 'forbidden');
    }
  });
});
