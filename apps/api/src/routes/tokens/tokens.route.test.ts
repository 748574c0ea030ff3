import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, TEST_PASSWORD, type TestUser } from '../../../../../test/support/api';
import { withClient } from '../../../../../test/support/db';
import { startTestServer } from '../../../../../test/support/server';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const sql = async (text: string, values: unknown[] = []) => {
  const rows = await withClient(server.databaseUrl, async (c) => (await c.query(text, values)).rows);
  await server.changesSeen();
  return rows;
};

async function createToken(user: TestUser, body: Record<string, unknown> = { name: 'CI', scope: 'read_write' }) {
  const response = await user.request('POST', '/api/v1/tokens', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; token: string; prefix: string; scope: string };
}

/** A request with only `Authorization: Bearer` (no cookie, no CSRF header). */
function withBearer(token: string, method: string, url: string, payload?: unknown) {
  return server.app.inject({
    method: method as 'GET',
    url,
    headers: { authorization: `Bearer ${token}`, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

describe('personal access tokens', () => {
  it('shows a new token once, stores only its sha256 and lists it by prefix only', async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    const created = await createToken(org.member, { name: 'CI', scope: 'read_write', expiresInDays: 30 });
    expect(created.token).toMatch(/^rtk_[A-Za-z0-9_-]{43}$/);
    expect(created.prefix).toBe(created.token.slice(0, 10));
    expect(created).toMatchObject({ name: 'CI', scope: 'read_write', lastUsedAt: null });
    const [row] = await sql('SELECT token_hash, expires_at FROM access_tokens WHERE id = $1', [created.id]);
    expect(row.token_hash).toBe(sha256(created.token));
    expect(row.expires_at.getTime() - Date.now()).toBeGreaterThan(29.9 * 24 * 3600 * 1000);

    const list = await org.member.request('GET', '/api/v1/tokens');
    expect(list.statusCode).toBe(200);
    expect(list.json().tokens).toEqual([expect.objectContaining({ id: created.id, prefix: created.prefix, name: 'CI' })]);
    expect(list.body).not.toContain(created.token);
    expect(list.body).not.toContain(row.token_hash);
    expect(list.body).not.toMatch(/tokenHash|token_hash|"token"/);
  });

  it('authenticates any route with Authorization: Bearer, without cookie or CSRF header', async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    const { token } = await createToken(org.member);
    const session = await withBearer(token, 'GET', '/api/v1/auth/session');
    expect(session.statusCode).toBe(200);
    expect(session.json()).toMatchObject({ user: { id: org.member.id, handle: org.member.handle }, role: 'MEMBER', organization: { id: org.id } });
    const write = await withBearer(token, 'PATCH', '/api/v1/me', { name: 'Mia via API' });
    expect(write.statusCode).toBe(200);
    expect(write.json().user.name).toBe('Mia via API');
    // The token acts with its owner's role: a MEMBER's token cannot change settings.
    expect((await withBearer(token, 'PATCH', '/api/v1/organization', { name: 'Taken over' })).statusCode).toBe(403);
  });

  it('lets a read-scope token read but refuses every write with a clear 403', async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    const { token } = await createToken(org.admin, { name: 'dashboard', scope: 'read' });
    expect((await withBearer(token, 'GET', '/api/v1/members')).statusCode).toBe(200);
    const write = await withBearer(token, 'PATCH', '/api/v1/organization', { name: 'Nope' });
    expect(write.statusCode).toBe(403);
    expect(write.json().error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/read-only/) });
    expect((await withBearer(token, 'DELETE', `/api/v1/tokens/${org.id}`)).statusCode).toBe(403);
  });

  it('never falls back to the session cookie when a bearer token is sent', async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    const response = await server.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { authorization: 'Bearer rtk_not-a-real-token', cookie: org.owner.cookie },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthenticated');
  });

  it('stops working when revoked or expired (401)', async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    const revoked = await createToken(org.member);
    const expiring = await createToken(org.member, { name: 'short', scope: 'read', expiresInDays: 1 });
    expect((await org.member.request('DELETE', `/api/v1/tokens/${revoked.id}`)).statusCode).toBe(204);
    expect((await org.member.request('DELETE', `/api/v1/tokens/${revoked.id}`)).statusCode).toBe(204);
    const afterRevoke = await withBearer(revoked.token, 'GET', '/api/v1/members');
    expect(afterRevoke.statusCode).toBe(401);
    expect(afterRevoke.json().error.code).toBe('unauthenticated');

    expect((await withBearer(expiring.token, 'GET', '/api/v1/members')).statusCode).toBe(200);
    await sql(`UPDATE access_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [expiring.id]);
    expect((await withBearer(expiring.token, 'GET', '/api/v1/members')).statusCode).toBe(401);
    expect((await org.member.request('GET', '/api/v1/tokens')).json().tokens.map((t: { id: string }) => t.id)).toEqual([expiring.id]);
  });

  it('records use at most once a minute', async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    const { id, token } = await createToken(org.member);
    const lastUsed = async () => (await sql('SELECT last_used_at FROM access_tokens WHERE id = $1', [id]))[0].last_used_at as Date | null;
    expect(await lastUsed()).toBeNull();
    await withBearer(token, 'GET', '/api/v1/members');
    expect(await lastUsed()).not.toBeNull();
    await sql(`UPDATE access_tokens SET last_used_at = now() - interval '30 seconds' WHERE id = $1`, [id]);
    const thirtySecondsAgo = await lastUsed();
    await withBearer(token, 'GET', '/api/v1/members');
    expect(await lastUsed()).toEqual(thirtySecondsAgo);
    await sql(`UPDATE access_tokens SET last_used_at = now() - interval '2 minutes' WHERE id = $1`, [id]);
    await withBearer(token, 'GET', '/api/v1/members');
    expect(Date.now() - (await lastUsed())!.getTime()).toBeLessThan(30_000);
  });

  it('refuses to create tokens or change the password with a token', async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    const { token } = await createToken(org.owner);
    const mint = await withBearer(token, 'POST', '/api/v1/tokens', { name: 'more', scope: 'read_write' });
    expect(mint.statusCode).toBe(403);
    expect(mint.json().error.message).toMatch(/Access tokens cannot create access tokens/);
    const password = await withBearer(token, 'POST', '/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a whole new password' });
    expect(password.statusCode).toBe(403);
    expect(password.json().error.code).toBe('forbidden');
  });

  it('lets a VIEWER create read tokens only', async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    const refused = await org.viewer.request('POST', '/api/v1/tokens', { name: 'x', scope: 'read_write' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'forbidden', field: 'scope' });
    const { token } = await createToken(org.viewer, { name: 'read only', scope: 'read' });
    expect((await withBearer(token, 'GET', '/api/v1/members')).statusCode).toBe(200);
  });

  it("answers 404 for someone else's token, in this organization or another, and leaves it working", async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    const other = await createOrganization(server.app, server.databaseUrl);
    const mine = await createToken(org.member);
    for (const stranger of [org.owner, other.owner]) {
      const response = await stranger.request('DELETE', `/api/v1/tokens/${mine.id}`);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('not_found');
      expect((await stranger.request('GET', '/api/v1/tokens')).body).not.toContain(mine.id);
    }
    expect((await withBearer(mine.token, 'GET', '/api/v1/members')).statusCode).toBe(200);
    // A token only ever sees its own organization.
    const members = (await withBearer(mine.token, 'GET', '/api/v1/members')).json().members.map((m: { id: string }) => m.id);
    expect(members).not.toContain(other.owner.id);
    expect((await org.member.request('DELETE', '/api/v1/tokens/not-an-id')).statusCode).toBe(400);
  });

  it('validates the request', async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    const bad = await org.member.request('POST', '/api/v1/tokens', { name: ' ', scope: 'admin' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    const days = await org.member.request('POST', '/api/v1/tokens', { name: 'x', scope: 'read', expiresInDays: 0 });
    expect(days.json().error).toMatchObject({ code: 'validation_failed', field: 'expiresInDays' });
  });
});
