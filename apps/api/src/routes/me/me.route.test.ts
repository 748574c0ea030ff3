import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from '../../../../../test/support/api';
import { withClient } from '../../../../../test/support/db';
import { startTestServer } from '../../../../../test/support/server';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('profile', () => {
  it('changes your name and handle and reports the handle in the session', async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    const response = await org.member.request('PATCH', '/api/v1/me', { name: '  Mia Rossi ', handle: `mia.r_${org.member.id.slice(0, 4)}` });
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ id: org.member.id, name: 'Mia Rossi', handle: `mia.r_${org.member.id.slice(0, 4)}` });
    expect(response.body).not.toMatch(/argon2|passwordHash|tokenHash/);
    const session = await org.member.request('GET', '/api/v1/auth/session');
    expect(session.json().user).toMatchObject({ name: 'Mia Rossi', handle: `mia.r_${org.member.id.slice(0, 4)}` });
    const members = (await org.owner.request('GET', '/api/v1/members')).json().members;
    expect(members).toContainEqual(expect.objectContaining({ id: org.member.id, name: 'Mia Rossi' }));
  });

  it('refuses a handle someone has, whatever its case (409 on field handle)', async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    const clash = await org.member.request('PATCH', '/api/v1/me', { handle: org.admin.handle });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error).toMatchObject({ code: 'conflict', field: 'handle' });

    // Handles written before this rule (or by the seed) may hold capitals: still unique ignoring case.
    await withClient(server.databaseUrl, (c) => c.query(`UPDATE users SET handle = 'Sam.Doe' WHERE id = $1`, [org.viewer.id]));
    await server.changesSeen();
    const caseClash = await org.member.request('PATCH', '/api/v1/me', { handle: 'sam.doe' });
    expect(caseClash.statusCode).toBe(409);
    expect(caseClash.json().error.field).toBe('handle');
    // Keeping your own handle is not a clash.
    expect((await org.admin.request('PATCH', '/api/v1/me', { handle: org.admin.handle })).statusCode).toBe(200);
  });

  it('validates the handle pattern', async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    for (const handle of ['x', 'Upper', '-dash', 'has space', 'a'.repeat(33), 'émile']) {
      const response = await org.member.request('PATCH', '/api/v1/me', { handle });
      expect(response.statusCode, handle).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'validation_failed', field: 'handle' });
    }
    expect((await org.member.request('PATCH', '/api/v1/me', { name: '' })).json().error.field).toBe('name');
  });

  it('lets a VIEWER edit their own profile (it is their account, not the organization’s work)', async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    const response = await org.viewer.request('PATCH', '/api/v1/me', { name: 'Victor V.' });
    expect(response.statusCode).toBe(200);
    expect(response.json().role).toBe('VIEWER');
  });

  it('needs to be signed in', async () => {
    const response = await server.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { 'x-rytask-csrf': '1', 'content-type': 'application/json' }, payload: { name: 'x' } });
    expect(response.statusCode).toBe(401);
  });
});
