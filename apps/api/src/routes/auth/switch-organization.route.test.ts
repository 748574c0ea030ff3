// A person in several organizations: listing them, switching the session between them, and which one
// a sign-in opens. Another organization's id answers 404 like every lookup outside yours.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../../../../test/support/server';
import { addUser, createOrganization, TEST_PASSWORD, type TestUser } from '../../../../../test/support/api';
import { withClient } from '../../../../../test/support/db';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const json = { 'content-type': 'application/json', 'x-rytask-csrf': '1' };
const cookieOf = (response: { cookies: { name: string; value: string }[] }) =>
  `rytask_session=${response.cookies.find((c) => c.name === 'rytask_session')!.value}`;

async function signIn(email: string) {
  const response = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: json, payload: { email, password: TEST_PASSWORD } });
  expect(response.statusCode).toBe(200);
  return { cookie: cookieOf(response), session: response.json() };
}

function call(cookie: string, method: 'GET' | 'POST', url: string, payload?: object) {
  return server.app.inject({ method, url, headers: { cookie, ...json }, ...(payload ? { payload } : {}) });
}

/** Someone who is an ADMIN of `a` (signed in there) and a VIEWER of `b`. */
async function personInTwo() {
  const a = await createOrganization(server.app, server.databaseUrl, 'Alpha');
  const b = await createOrganization(server.app, server.databaseUrl, 'Beta');
  const person: TestUser = await addUser(server.app, server.databaseUrl, a.id, 'ADMIN');
  await withClient(server.databaseUrl, (c) =>
    c.query("INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, 'VIEWER')", [b.id, person.id]),
  );
  return { a, b, person };
}

describe('organizations of the signed-in person', () => {
  it('lists every active membership, the current one marked', async () => {
    const { a, b, person } = await personInTwo();
    const response = await call(person.cookie, 'GET', '/api/v1/me/organizations');
    expect(response.statusCode).toBe(200);
    expect(response.json().organizations).toEqual([
      { id: a.id, name: 'Alpha', slug: expect.any(String), role: 'ADMIN', current: true },
      { id: b.id, name: 'Beta', slug: expect.any(String), role: 'VIEWER', current: false },
    ]);
  });

  it('switches: a new session in the other organization with its role, the old cookie ends, and the next sign-in opens it', async () => {
    const { a, b, person } = await personInTwo();
    const switched = await call(person.cookie, 'POST', '/api/v1/auth/switch-organization', { organizationId: b.id });
    expect(switched.statusCode).toBe(200);
    expect(switched.json()).toMatchObject({ organization: { id: b.id, name: 'Beta' }, role: 'VIEWER', user: { id: person.id } });
    const cookie = cookieOf(switched);
    expect(cookie).not.toBe(person.cookie);
    expect(switched.cookies.find((c) => c.name === 'rytask_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    expect((await call(cookie, 'GET', '/api/v1/organization')).json()).toMatchObject({ id: b.id });
    // The viewer role of Beta applies now, not the admin role of Alpha.
    const project = await call(cookie, 'POST', '/api/v1/projects', { key: 'BETA', name: 'Beta work' });
    expect(project.statusCode).toBe(403);
    expect((await call(person.cookie, 'GET', '/api/v1/organization')).statusCode).toBe(401);

    // Sign out, sign in: Beta opens. Switch back to Alpha: the next sign-in opens Alpha.
    await call(cookie, 'POST', '/api/v1/auth/logout');
    const again = await signIn(person.email);
    expect(again.session.organization.id).toBe(b.id);
    const back = await call(again.cookie, 'POST', '/api/v1/auth/switch-organization', { organizationId: a.id });
    expect(back.json()).toMatchObject({ organization: { id: a.id }, role: 'ADMIN' });
    expect((await signIn(person.email)).session.organization.id).toBe(a.id);
  });

  it('answers 404 for an organization the person is not in, or was deactivated in, and the session stays', async () => {
    const { b, person } = await personInTwo();
    const other = await createOrganization(server.app, server.databaseUrl, 'Gamma');
    await withClient(server.databaseUrl, (c) =>
      c.query('UPDATE memberships SET deactivated_at = now() WHERE organization_id = $1 AND user_id = $2', [b.id, person.id]),
    );
    await server.changesSeen();
    for (const organizationId of [other.id, b.id, '00000000-0000-4000-8000-000000000000']) {
      const response = await call(person.cookie, 'POST', '/api/v1/auth/switch-organization', { organizationId });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('not_found');
      expect(response.body).not.toContain('Gamma');
    }
    expect((await call(person.cookie, 'GET', '/api/v1/me/organizations')).json().organizations.map((o: { name: string }) => o.name)).toEqual(['Alpha']);
    expect((await call(person.cookie, 'GET', '/api/v1/organization')).statusCode).toBe(200);
  });

  it('names the field of a malformed id, needs the CSRF header, and refuses access tokens', async () => {
    const { b, person } = await personInTwo();
    const malformed = await call(person.cookie, 'POST', '/api/v1/auth/switch-organization', { organizationId: 'beta' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toMatchObject({ code: 'validation_failed', field: 'organizationId' });

    const noCsrf = await server.app.inject({
      method: 'POST', url: '/api/v1/auth/switch-organization',
      headers: { cookie: person.cookie, 'content-type': 'application/json' }, payload: { organizationId: b.id },
    });
    expect(noCsrf.statusCode).toBe(403);

    const token = (await call(person.cookie, 'POST', '/api/v1/tokens', { name: 'script', scope: 'read_write' })).json().token as string;
    const withToken = await server.app.inject({
      method: 'POST', url: '/api/v1/auth/switch-organization',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: { organizationId: b.id },
    });
    expect(withToken.statusCode).toBe(403);
    expect(withToken.json().error.code).toBe('forbidden');
    expect((await call(person.cookie, 'GET', '/api/v1/organization')).json().name).toBe('Alpha');
  });

  it('opens another organization at sign-in when the latest one deactivated the person', async () => {
    const { a, b, person } = await personInTwo();
    await call(person.cookie, 'POST', '/api/v1/auth/switch-organization', { organizationId: b.id });
    await withClient(server.databaseUrl, (c) =>
      c.query('UPDATE memberships SET deactivated_at = now() WHERE organization_id = $1 AND user_id = $2', [b.id, person.id]),
    );
    expect((await signIn(person.email)).session.organization.id).toBe(a.id);
  });
});
