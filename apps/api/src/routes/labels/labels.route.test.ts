import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from '../../../../../test/support/api';
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

describe('labels', () => {
  it('creates labels (gray unless told), lists them by name and lets members rename and recolor', async () => {
    const response = await org.member.request('POST', '/api/v1/labels', { name: 'backend' });
    expect(response.statusCode).toBe(201);
    const backend = response.json();
    expect(backend).toMatchObject({ name: 'backend', color: 'gray' });
    await ok(org.member, 'POST', '/api/v1/labels', { name: 'Accessibility', color: 'purple' });
    expect((await ok(org.viewer, 'GET', '/api/v1/labels')).labels.map((l: { name: string }) => l.name)).toEqual(['Accessibility', 'backend']);
    expect(await ok(org.member, 'PATCH', `/api/v1/labels/${backend.id}`, { name: 'Backend', color: 'blue' })).toEqual({
      id: backend.id, name: 'Backend', color: 'blue',
    });
  });

  it('keeps names unique ignoring case, per organization', async () => {
    const bug = await ok(org.member, 'POST', '/api/v1/labels', { name: 'bug' });
    const feature = await ok(org.member, 'POST', '/api/v1/labels', { name: 'feature' });
    expect((await fails(org.member, 'POST', '/api/v1/labels', { name: 'BUG' }, 409, 'conflict')).field).toBe('name');
    expect((await fails(org.member, 'PATCH', `/api/v1/labels/${feature.id}`, { name: 'Bug' }, 409, 'conflict')).field).toBe('name');
    // Changing only the case of its own name is fine.
    expect((await ok(org.member, 'PATCH', `/api/v1/labels/${bug.id}`, { name: 'Bug' })).name).toBe('Bug');
    expect((await ok(other.member, 'POST', '/api/v1/labels', { name: 'bug' })).name).toBe('bug');
  });

  it('deletes a label from every item and records the change in their history', async () => {
    const project = await createProject(org.admin);
    const item = await createItem(org.member, project.id, { labels: ['ui', 'urgent-fix'] });
    const ui = item.labels.find((l: { name: string }) => l.name === 'ui');
    expect((await org.member.request('DELETE', `/api/v1/labels/${ui.id}`)).statusCode).toBe(204);
    expect((await ok(org.member, 'GET', `/api/v1/items/${item.id}`)).labels.map((l: { name: string }) => l.name)).toEqual(['urgent-fix']);
    const { activity } = await ok(org.member, 'GET', `/api/v1/items/${item.id}/activity`);
    expect(activity.at(-1)).toMatchObject({ field: 'labels', actor: { id: org.member.id }, oldValue: ['ui', 'urgent-fix'], newValue: ['urgent-fix'] });
    expect((await ok(org.member, 'GET', '/api/v1/labels')).labels.map((l: { id: string }) => l.id)).not.toContain(ui.id);
  });

  it('is read-only for viewers', async () => {
    const label = await ok(org.member, 'POST', '/api/v1/labels', { name: 'viewer-test' });
    await fails(org.viewer, 'POST', '/api/v1/labels', { name: 'nope' }, 403, 'forbidden');
    await fails(org.viewer, 'PATCH', `/api/v1/labels/${label.id}`, { name: 'nope' }, 403, 'forbidden');
    await fails(org.viewer, 'DELETE', `/api/v1/labels/${label.id}`, undefined, 403, 'forbidden');
  });
});
