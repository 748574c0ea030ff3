import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, TEST_PASSWORD, type TestUser } from '../../../../../test/support/api';
import { withClient } from '../../../../../test/support/db';
import { startTestServer } from '../../../../../test/support/server';
import { redactUrl } from '../../plugins/log-redaction';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const sql = async (text: string, values: unknown[] = []) => {
  const rows = await withClient(server.databaseUrl, async (c) => (await c.query(text, values)).rows);
  await server.changesSeen();
  return rows;
};
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
let n = 0;

async function invite(by: TestUser, body: Record<string, unknown> = { role: 'MEMBER' }) {
  const response = await by.request('POST', '/api/v1/invites', body);
  expect(response.statusCode, response.body).toBe(201);
  const created = response.json() as { id: string; url: string; expiresAt: string; role: string };
  return { ...created, token: created.url.split('/invite/')[1]! };
}

function publicRequest(method: 'GET' | 'POST', url: string, payload?: object) {
  return server.app.inject({
    method,
    url,
    headers: { 'x-rytask-csrf': '1', ...(payload ? { 'content-type': 'application/json' } : {}) },
    ...(payload ? { payload } : {}),
  });
}

function newcomer(overrides: Record<string, unknown> = {}) {
  const i = ++n;
  return { name: `New Person ${i}`, email: `new${i}@example.test`, handle: `new${i}`, password: 'a long enough password', ...overrides };
}
const accept = (token: string, body: object) => publicRequest('POST', `/api/v1/invites/${token}/accept`, body);

describe('invites', () => {
  it('creates a link shown once, stores only its hash, and lists the pending invite without it', async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    const created = await invite(org.admin, { role: 'VIEWER', email: 'guest@example.test' });
    expect(created.url).toMatch(/^http:\/\/127\.0\.0\.1\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ role: 'VIEWER', email: 'guest@example.test', createdBy: { id: org.admin.id } });
    const days = (Date.parse(created.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    const [row] = await sql('SELECT token_hash FROM invites WHERE id = $1', [created.id]);
    expect(row.token_hash).toBe(sha256(created.token));

    const list = await org.owner.request('GET', '/api/v1/invites');
    expect(list.json().invites).toEqual([expect.objectContaining({ id: created.id, role: 'VIEWER', email: 'guest@example.test' })]);
    expect(list.body).not.toContain(created.token);
    expect(list.body).not.toContain(row.token_hash);
    expect(list.body).not.toMatch(/url|token/i);
  });

  it('shows what the link offers, publicly, and accepts it: new account, membership, signed in', async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    const { token, id } = await invite(org.admin, { role: 'MEMBER' });
    const preview = await publicRequest('GET', `/api/v1/invites/${token}`);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toEqual({ organization: { name: org.name }, role: 'MEMBER', expiresAt: expect.any(String) });

    const person = newcomer();
    const accepted = await accept(token, person);
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json()).toMatchObject({ user: { email: person.email, name: person.name, handle: person.handle }, role: 'MEMBER', organization: { id: org.id } });
    expect(accepted.body).not.toMatch(/argon2|passwordHash|password_hash|tokenHash/);
    expect(accepted.body).not.toContain(person.password);
    const cookie = accepted.cookies.find((c) => c.name === 'rytask_session')!;
    expect(accepted.body).not.toContain(cookie.value);
    const session = await server.app.inject({ url: '/api/v1/auth/session', headers: { cookie: `rytask_session=${cookie.value}` } });
    expect(session.json()).toMatchObject({ user: { email: person.email }, organization: { id: org.id } });
    expect((await sql('SELECT accepted_by FROM invites WHERE id = $1', [id]))[0].accepted_by).toBe(session.json().user.id);
    expect((await org.admin.request('GET', '/api/v1/invites')).json().invites).toEqual([]);

    // The new person can sign in with their password later.
    const login = await publicRequest('POST', '/api/v1/auth/login', { email: person.email, password: person.password });
    expect(login.statusCode).toBe(200);
  });

  it('is single use, even for two accepts at the same moment', async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    const { token } = await invite(org.admin);
    const [a, b] = [newcomer(), newcomer()];
    const results = await Promise.all([accept(token, a), accept(token, b)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 404]);
    const users = await sql('SELECT email FROM users WHERE email = ANY($1)', [[a.email, b.email]]);
    expect(users).toHaveLength(1);
    expect((await sql('SELECT count(*)::int AS n FROM memberships WHERE organization_id = $1', [org.id]))[0].n).toBe(5);
    expect((await accept(token, newcomer())).statusCode).toBe(404);
  });

  it('answers the same 404 for unknown, expired, used and revoked links', async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    const expired = await invite(org.admin);
    await sql(`UPDATE invites SET expires_at = now() - interval '1 second' WHERE id = $1`, [expired.id]);
    const used = await invite(org.admin);
    expect((await accept(used.token, newcomer())).statusCode).toBe(201);
    const revoked = await invite(org.admin);
    expect((await org.admin.request('DELETE', `/api/v1/invites/${revoked.id}`)).statusCode).toBe(204);
    const unknown = 'x'.repeat(43);

    const answers = [];
    for (const token of [unknown, expired.token, used.token, revoked.token]) {
      const preview = await publicRequest('GET', `/api/v1/invites/${token}`);
      const accepted = await accept(token, newcomer());
      expect(preview.statusCode).toBe(404);
      expect(accepted.statusCode).toBe(404);
      answers.push(preview.json().error.message, accepted.json().error.message);
    }
    expect(new Set(answers).size).toBe(1);
    const list = (await org.admin.request('GET', '/api/v1/invites')).json().invites;
    expect(list).toEqual([]);
  });

  it('enforces role limits: ADMIN invites up to ADMIN, only an OWNER invites an OWNER, MEMBER and VIEWER nothing', async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    const byAdmin = await org.admin.request('POST', '/api/v1/invites', { role: 'OWNER' });
    expect(byAdmin.statusCode).toBe(403);
    await invite(org.admin, { role: 'ADMIN' });
    const owner = await invite(org.owner, { role: 'OWNER' });
    const accepted = await accept(owner.token, newcomer());
    expect(accepted.json().role).toBe('OWNER');

    for (const user of [org.member, org.viewer]) {
      expect((await user.request('POST', '/api/v1/invites', { role: 'VIEWER' })).statusCode).toBe(403);
      expect((await user.request('GET', '/api/v1/invites')).statusCode).toBe(403);
      expect((await user.request('DELETE', `/api/v1/invites/${owner.id}`)).statusCode).toBe(403);
    }
    expect((await sql('SELECT count(*)::int AS n FROM invites WHERE organization_id = $1', [org.id]))[0].n).toBe(2);
  });

  it("answers 404 for another organization's invite and leaves it working", async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    const other = await createOrganization(server.app, server.databaseUrl);
    const theirs = await invite(other.admin);
    const response = await org.owner.request('DELETE', `/api/v1/invites/${theirs.id}`);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
    expect((await org.owner.request('GET', '/api/v1/invites')).body).not.toContain(theirs.id);
    expect((await publicRequest('GET', `/api/v1/invites/${theirs.token}`)).statusCode).toBe(200);
  });

  it('refuses to revoke an accepted invite', async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    const used = await invite(org.admin);
    await accept(used.token, newcomer());
    const response = await org.admin.request('DELETE', `/api/v1/invites/${used.id}`);
    expect(response.statusCode).toBe(409);
  });

  it("adds an existing account only with that account's password, keeping its name and handle", async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    const other = await createOrganization(server.app, server.databaseUrl);
    const { token } = await invite(org.admin, { role: 'VIEWER' });
    const wrong = await accept(token, { email: other.member.email, password: 'not the right password' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toMatchObject({ code: 'invalid_credentials', field: 'password' });
    const joined = await accept(token, { email: other.member.email.toUpperCase(), password: TEST_PASSWORD, name: 'Ignored', handle: 'ignored' });
    expect(joined.statusCode, joined.body).toBe(201);
    expect(joined.json()).toMatchObject({ user: { id: other.member.id, name: other.member.name, handle: other.member.handle }, role: 'VIEWER', organization: { id: org.id } });
    // Still a MEMBER in the first organization.
    expect((await other.member.request('GET', '/api/v1/auth/session')).json().role).toBe('MEMBER');

    const again = await invite(org.admin);
    const member = await accept(again.token, { email: other.member.email, password: TEST_PASSWORD });
    expect(member.statusCode).toBe(409);
    expect((await publicRequest('GET', `/api/v1/invites/${again.token}`)).statusCode).toBe(200);
  });

  it("puts guessing an existing account's password through sign-in protection", async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    const { token } = await invite(org.admin);
    for (let i = 0; i < 5; i++) expect((await accept(token, { email: org.viewer.email, password: `guess number ${i}!` })).statusCode).toBe(401);
    const locked = await accept(token, { email: org.viewer.email, password: TEST_PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBeDefined();
  });

  it('asks a new account for name and handle, refuses a taken handle, and keeps the link usable', async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    const { token } = await invite(org.admin);
    const noName = await accept(token, newcomer({ name: undefined }));
    expect(noName.json().error).toMatchObject({ code: 'validation_failed', field: 'name' });
    const noHandle = await accept(token, newcomer({ handle: undefined }));
    expect(noHandle.json().error).toMatchObject({ code: 'validation_failed', field: 'handle' });
    const short = await accept(token, newcomer({ password: 'short' }));
    expect(short.json().error).toMatchObject({ code: 'validation_failed', field: 'password' });
    const taken = await accept(token, newcomer({ handle: org.member.handle }));
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'conflict', field: 'handle' });
    expect((await accept(token, newcomer())).statusCode).toBe(201);
  });

  it('keeps invite tokens out of the request log', () => {
    const token = 'A'.repeat(40) + '_-b';
    expect(redactUrl(`/invite/${token}`)).toBe('/invite/[redacted]');
    expect(redactUrl(`/api/v1/invites/${token}/accept`)).toBe('/api/v1/invites/[redacted]/accept');
    expect(redactUrl('/api/v1/invites/0b8c4a8e-4f1c-4a36-9a4e-6d1f7f0c2b11')).toBe('/api/v1/invites/0b8c4a8e-4f1c-4a36-9a4e-6d1f7f0c2b11');
  });
});
