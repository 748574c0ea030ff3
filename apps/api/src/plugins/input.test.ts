import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from '../../../../test/support/api';
import { startTestServer } from '../../../../test/support/server';
import { withoutNul } from './input';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('NUL characters in input', () => {
  it('are dropped from strings, keys and arrays at any depth', () => {
    expect(withoutNul({ 'a\u0000b': ['x\u0000', { y: '\u0000z' }], n: 1, t: true, none: null })).toEqual({ ab: ['x', { y: 'z' }], n: 1, t: true, none: null });
  });

  it('never reach the database as an error: bodies, query strings and path parameters', async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    const project = (await org.owner.request('POST', '/api/v1/projects', { key: 'NUL', name: 'Nul\u0000 project' })).json();
    expect(project.name).toBe('Nul project');
    const item = await org.member.request('POST', `/api/v1/projects/${project.id}/items`, { title: 'Ti\u0000tle', description: 'a\u0000b', labels: ['l\u0000abel'] });
    expect(item.statusCode).toBe(201);
    expect(item.json()).toMatchObject({ title: 'Title', description: 'ab', labels: [{ name: 'label' }] });
    const comment = await org.member.request('POST', `/api/v1/items/${item.json().id}/comments`, { body: 'hi\u0000' });
    expect(comment.json().body).toBe('hi');
    expect((await org.member.request('GET', '/api/v1/search?q=ti%00tle')).statusCode).toBe(200);
    expect((await org.member.request('GET', `/api/v1/items?projectId=${project.id}&q=%00`)).statusCode).toBe(200);
    expect((await org.member.request('GET', '/api/v1/items/by-key/NUL-1%00')).statusCode).toBe(200);
  });
});
