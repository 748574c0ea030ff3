import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createOrganization, TEST_PASSWORD, type TestUser } from '../../../../../test/support/api';
import { withClient } from '../../../../../test/support/db';
import { startTestServer } from '../../../../../test/support/server';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const sql = (text: string, values: unknown[] = []) => withClient(server.databaseUrl, async (c) => (await c.query(text, values)).rows);
const setRole = (by: TestUser, target: TestUser, role: string) => by.request('PATCH', `/api/v1/members/${target.id}`, { role });
const roleOf = async (user: TestUser) =>
  (await sql('SELECT role FROM memberships WHERE user_id = $1 AND organization_id = $2', [user.id, user.organizationId]))[0].role;

function signIn(user: TestUser) {
  return server.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'content-type': 'application/json', 'x-rytask-csrf': '1' },
    payload: { email: user.email, password: TEST_PASSWORD },
  });
}

describe('members', () => {
  it('lists everyone in the organization to every role, and no one else, without secrets', async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    const other = await createOrganization(server.app, server.databaseUrl);
    for (const user of [org.owner, org.admin, org.member, org.viewer]) {
      const response = await user.request('GET', '/api/v1/members');
      expect(response.statusCode).toBe(200);
      const members = response.json().members;
      expect(members.map((m: { id: string }) => m.id).sort()).toEqual([org.owner.id, org.admin.id, org.member.id, org.viewer.id].sort());
      expect(members).toContainEqual({
        id: org.viewer.id, name: org.viewer.name, handle: org.viewer.handle, email: org.viewer.email, role: 'VIEWER', deactivated: false,
      });
      expect(response.body).not.toContain(other.owner.id);
      expect(response.body).not.toMatch(/argon2|password|token/i);
    }
  });

  it('lets an ADMIN change roles below owner, but never make or change an OWNER', async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    const changed = await setRole(org.admin, org.member, 'VIEWER');
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ id: org.member.id, role: 'VIEWER', deactivated: false });
    expect((await setRole(org.admin, org.viewer, 'ADMIN')).statusCode).toBe(200);

    const promote = await setRole(org.admin, org.member, 'OWNER');
    expect(promote.statusCode).toBe(403);
    expect(promote.json().error.message).toMatch(/Only an owner/);
    expect((await setRole(org.admin, org.owner, 'MEMBER')).statusCode).toBe(403);
    expect((await setRole(org.admin, org.admin, 'OWNER')).statusCode).toBe(403);
    expect(await roleOf(org.owner)).toBe('OWNER');
    expect(await roleOf(org.admin)).toBe('ADMIN');
  });

  it('lets an OWNER make and change owners', async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    expect((await setRole(org.owner, org.admin, 'OWNER')).json().role).toBe('OWNER');
    // The former admin, now an owner, may demote the original owner: there is still one owner.
    expect((await setRole(org.admin, org.owner, 'MEMBER')).statusCode).toBe(200);
    expect(await roleOf(org.owner)).toBe('MEMBER');
  });

  it('refuses every change from a MEMBER or VIEWER', async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    for (const user of [org.member, org.viewer]) {
      for (const [method, url, body] of [
        ['PATCH', `/api/v1/members/${org.viewer.id}`, { role: 'MEMBER' }],
        ['POST', `/api/v1/members/${org.admin.id}/deactivate`, undefined],
        ['POST', `/api/v1/members/${org.admin.id}/reactivate`, undefined],
      ] as const) {
        const response = await user.request(method, url, body);
        expect(response.statusCode, `${user.role} ${method} ${url}`).toBe(403);
        expect(response.json().error.code).toBe('forbidden');
      }
    }
    expect(await roleOf(org.viewer)).toBe('VIEWER');
    expect((await sql('SELECT count(*)::int AS n FROM memberships WHERE organization_id = $1 AND deactivated_at IS NOT NULL', [org.id]))[0].n).toBe(0);
  });

  it('never demotes or deactivates the last active owner (409)', async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    const demote = await setRole(org.owner, org.owner, 'ADMIN');
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/last active owner/) });
    const deactivate = await org.owner.request('POST', `/api/v1/members/${org.owner.id}/deactivate`);
    expect(deactivate.statusCode).toBe(409);

    // A deactivated second owner does not count.
    const second = await addUser(server.app, server.databaseUrl, org.id, 'OWNER');
    expect((await org.owner.request('POST', `/api/v1/members/${second.id}/deactivate`)).statusCode).toBe(200);
    expect((await setRole(org.owner, org.owner, 'ADMIN')).statusCode).toBe(409);
    expect(await roleOf(org.owner)).toBe('OWNER');
  });

  it('lets only one of two owners demoting each other at once succeed', async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    const second = await addUser(server.app, server.databaseUrl, org.id, 'OWNER');
    const results = await Promise.all([setRole(org.owner, second, 'MEMBER'), setRole(second, org.owner, 'MEMBER')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409].sort());
    expect((await sql(`SELECT count(*)::int AS n FROM memberships WHERE organization_id = $1 AND role = 'OWNER'`, [org.id]))[0].n).toBe(1);
  });

  it('deactivation signs the member out, deletes their tokens and refuses sign-in until reactivated', async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    const token = (await org.member.request('POST', '/api/v1/tokens', { name: 'agent', scope: 'read_write' })).json().token as string;
    const bearer = () => server.app.inject({ url: '/api/v1/members', headers: { authorization: `Bearer ${token}` } });
    expect((await bearer()).statusCode).toBe(200);

    const deactivated = await org.admin.request('POST', `/api/v1/members/${org.member.id}/deactivate`);
    expect(deactivated.statusCode).toBe(200);
    expect(deactivated.json()).toMatchObject({ id: org.member.id, deactivated: true });
    expect((await org.member.request('GET', '/api/v1/members')).statusCode).toBe(401);
    expect((await bearer()).statusCode).toBe(401);
    expect(await sql('SELECT id FROM sessions WHERE user_id = $1', [org.member.id])).toEqual([]);
    expect(await sql('SELECT id FROM access_tokens WHERE user_id = $1', [org.member.id])).toEqual([]);
    const refused = await signIn(org.member);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/no active membership/);
    const listed = (await org.admin.request('GET', '/api/v1/members')).json().members;
    expect(listed).toContainEqual(expect.objectContaining({ id: org.member.id, deactivated: true }));
    // Repeating is harmless.
    expect((await org.admin.request('POST', `/api/v1/members/${org.member.id}/deactivate`)).statusCode).toBe(200);

    const reactivated = await org.admin.request('POST', `/api/v1/members/${org.member.id}/reactivate`);
    expect(reactivated.json()).toMatchObject({ deactivated: false, role: 'MEMBER' });
    expect((await signIn(org.member)).statusCode).toBe(200);
    expect((await bearer()).statusCode).toBe(401);
  });

  it('takes an OWNER to deactivate or reactivate an owner', async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    const second = await addUser(server.app, server.databaseUrl, org.id, 'OWNER');
    expect((await org.admin.request('POST', `/api/v1/members/${second.id}/deactivate`)).statusCode).toBe(403);
    expect((await org.owner.request('POST', `/api/v1/members/${second.id}/deactivate`)).statusCode).toBe(200);
    expect((await org.admin.request('POST', `/api/v1/members/${second.id}/reactivate`)).statusCode).toBe(403);
    expect((await org.owner.request('POST', `/api/v1/members/${second.id}/reactivate`)).statusCode).toBe(200);
  });

  it("answers 404 for another organization's member and changes nothing there", async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    const other = await createOrganization(server.app, server.databaseUrl);
    for (const [method, url, body] of [
      ['PATCH', `/api/v1/members/${other.member.id}`, { role: 'VIEWER' }],
      ['POST', `/api/v1/members/${other.member.id}/deactivate`, undefined],
      ['POST', `/api/v1/members/${other.member.id}/reactivate`, undefined],
      ['PATCH', `/api/v1/members/${other.owner.id}`, { role: 'MEMBER' }],
    ] as const) {
      const response = await org.owner.request(method, url, body);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.json().error.code).toBe('not_found');
      expect(response.body).not.toContain(other.member.email);
    }
    expect(await roleOf(other.member)).toBe('MEMBER');
    expect((await other.member.request('GET', '/api/v1/members')).statusCode).toBe(200);
    expect((await setRole(org.owner, { ...org.member, id: 'nope' }, 'VIEWER')).statusCode).toBe(400);
  });
});
