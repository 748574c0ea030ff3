import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createOrganization } from '../../../../../test/support/api';
import { withClient } from '../../../../../test/support/db';
import { startTestServer } from '../../../../../test/support/server';
import { createProjectWithItems } from '../../../../../test/support/work-rows';

let server: Awaited<ReturnType<typeof startTestServer>>;
let org: Awaited<ReturnType<typeof createOrganization>>;
let other: Awaited<ReturnType<typeof createOrganization>>;
let projectId: string;
let otherProjectId: string;

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganization(server.app, server.databaseUrl, 'Viewers');
  other = await createOrganization(server.app, server.databaseUrl, 'Strangers');
  projectId = (await createProjectWithItems(server.databaseUrl, org.id, [])).id;
  otherProjectId = (await createProjectWithItems(server.databaseUrl, other.id, [])).id;
});
afterAll(() => server.close());

type View = { id: string; name: string; shared: boolean; projectId: string | null; owner: { id: string }; query: Record<string, unknown> };
const names = async (person = org.member) => ((await person.request('GET', '/api/v1/views')).json().views as View[]).map((v) => v.name);

async function save(person: typeof org.member, body: Record<string, unknown>): Promise<View> {
  const response = await person.request('POST', '/api/v1/views', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('saved views', () => {
  it('saves a view with its query validated and completed with defaults', async () => {
    const view = await save(org.member, { name: 'My urgent', query: { priority: 'urgent', assignee: 'me', layout: 'board' } });
    expect(view).toMatchObject({
      name: 'My urgent',
      shared: false,
      projectId: null,
      owner: { id: org.member.id, name: org.member.name, handle: org.member.handle },
      query: { priority: 'urgent', assignee: 'me', layout: 'board', groupBy: 'none', sort: 'board', order: 'asc' },
    });
    const bad = await org.member.request('POST', '/api/v1/views', { name: 'Bad', query: { sort: 'sideways' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'validation_failed', field: 'query.sort' });
  });

  it('keeps personal views to their owner and shows shared ones to everyone in the organization', async () => {
    await save(org.admin, { name: 'Admin private', query: {} });
    await save(org.admin, { name: 'Team board', shared: true, projectId, query: { layout: 'board' } });
    expect(await names(org.admin)).toEqual(expect.arrayContaining(['Admin private', 'Team board']));
    expect(await names(org.member)).toContain('Team board');
    expect(await names(org.member)).not.toContain('Admin private');
    expect(await names(org.viewer)).toContain('Team board');
    expect(await names(other.admin)).toEqual([]);
  });

  it('lets only the owner change a view; someone else’s personal view does not exist for you', async () => {
    const personal = await save(org.member, { name: 'Mine', query: {} });
    const shared = await save(org.member, { name: 'Ours', shared: true, query: {} });
    for (const person of [org.owner, org.admin]) {
      const edit = await person.request('PATCH', `/api/v1/views/${shared.id}`, { name: 'Taken over' });
      expect(edit.statusCode).toBe(403);
      expect(edit.json().error.code).toBe('forbidden');
      expect((await person.request('PATCH', `/api/v1/views/${personal.id}`, { name: 'x' })).statusCode).toBe(404);
    }
    const renamed = await org.member.request('PATCH', `/api/v1/views/${shared.id}`, { name: 'Ours, renamed', query: { due: 'overdue' } });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Ours, renamed', shared: true, query: { due: 'overdue', layout: 'list' } });
    expect(renamed.json().query.priority).toBeUndefined();
  });

  it('lets the owner delete, and an owner or admin delete shared views but not personal ones', async () => {
    const personal = await save(org.member, { name: 'Temp', query: {} });
    const shared = await save(org.member, { name: 'Shared temp', shared: true, query: {} });
    const shared2 = await save(org.member, { name: 'Shared temp 2', shared: true, query: {} });
    const colleague = await addUser(server.app, server.databaseUrl, org.id, 'MEMBER');
    expect((await colleague.request('DELETE', `/api/v1/views/${shared.id}`)).statusCode).toBe(403);
    expect((await org.admin.request('DELETE', `/api/v1/views/${personal.id}`)).statusCode).toBe(404);
    expect((await org.admin.request('DELETE', `/api/v1/views/${shared.id}`)).statusCode).toBe(204);
    expect((await org.owner.request('DELETE', `/api/v1/views/${shared2.id}`)).statusCode).toBe(204);
    expect((await org.member.request('DELETE', `/api/v1/views/${personal.id}`)).statusCode).toBe(204);
    expect(await names(org.member)).not.toEqual(expect.arrayContaining(['Temp']));
  });

  it('keeps viewers read-only', async () => {
    const response = await org.viewer.request('POST', '/api/v1/views', { name: 'Viewer view', query: {} });
    expect(response.statusCode).toBe(403);
    expect((await org.viewer.request('GET', '/api/v1/views')).statusCode).toBe(200);
  });

  it('answers 404 for another organization’s views and projects', async () => {
    const theirs = await save(other.member, { name: 'Theirs', shared: true, query: {} });
    expect((await org.owner.request('PATCH', `/api/v1/views/${theirs.id}`, { name: 'x' })).statusCode).toBe(404);
    expect((await org.owner.request('DELETE', `/api/v1/views/${theirs.id}`)).statusCode).toBe(404);
    const foreignProject = await org.member.request('POST', '/api/v1/views', { name: 'x', projectId: otherProjectId, query: {} });
    expect(foreignProject.statusCode).toBe(404);
    expect(foreignProject.json().error.code).toBe('not_found');
  });

  it('opens a view stored under an older query shape as the plain list instead of failing', async () => {
    const view = await save(org.member, { name: 'Legacy', query: {} });
    await withClient(server.databaseUrl, (c) => c.query(`UPDATE saved_views SET query = '{"sort": "retired"}' WHERE id = $1`, [view.id]));
    await server.changesSeen();
    const listed = ((await org.member.request('GET', '/api/v1/views')).json().views as View[]).find((v) => v.id === view.id)!;
    expect(listed.query).toMatchObject({ sort: 'board', layout: 'list' });
  });
});
