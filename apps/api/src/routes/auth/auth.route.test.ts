import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_ADMIN_EMAIL } from '../../../../../test/support/server';
import { withClient } from '../../../../../test/support/db';

const PASSWORD = 'correct horse battery';
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer({ adminPassword: PASSWORD });
});
afterAll(() => server.close());

const json = { 'content-type': 'application/json', 'x-rytask-csrf': '1' };

async function signIn(password = PASSWORD) {
  const response = await server.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: json,
    payload: { email: TEST_ADMIN_EMAIL, password },
  });
  const cookie = response.cookies.find((c) => c.name === 'rytask_session');
  return { response, cookie: cookie ? `rytask_session=${cookie.value}` : '' };
}

describe('auth routes', () => {
  it('signs in with an httpOnly, SameSite=Lax session cookie whose token is stored only hashed', async () => {
    const { response } = await signIn();
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ user: { email: TEST_ADMIN_EMAIL, mustChangePassword: false }, role: 'OWNER', organization: { name: 'Acme Test' } });
    const cookie = response.cookies.find((c) => c.name === 'rytask_session')!;
    expect(response.body).not.toMatch(/argon2|passwordHash|tokenHash/);
    expect(response.body).not.toContain(cookie.value);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const stored = await withClient(server.databaseUrl, (c) => c.query('SELECT token_hash FROM sessions'));
    expect(stored.rows.map((r) => r.token_hash)).not.toContain(cookie.value);
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const wrong = await signIn('not the password');
    const unknown = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: json, payload: { email: 'who@x.test', password: 'x' } });
    expect(wrong.response.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.response.json().error).toMatchObject({ code: 'invalid_credentials' });
    expect(unknown.json().error.message).toBe(wrong.response.json().error.message);
  });

  it('names the field when input is invalid', async () => {
    const response = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: json, payload: { email: '', password: 'x' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'validation_failed', field: 'email' });
  });

  it('refuses cookie-authenticated writes without the CSRF header', async () => {
    const { cookie } = await signIn();
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { 'content-type': 'application/json', cookie },
      payload: { currentPassword: PASSWORD, newPassword: 'another long password' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf_failed');
  });

  it('reports the session, and 401 without one', async () => {
    const { cookie } = await signIn();
    expect((await server.app.inject({ url: '/api/v1/auth/session', headers: { cookie } })).statusCode).toBe(200);
    const anonymous = await server.app.inject({ url: '/api/v1/auth/session' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('unauthenticated');
  });

  it('signs out: the session stops working', async () => {
    const { cookie } = await signIn();
    const out = await server.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { ...json, cookie }, payload: {} });
    expect(out.statusCode).toBe(204);
    expect((await server.app.inject({ url: '/api/v1/auth/session', headers: { cookie } })).statusCode).toBe(401);
  });

  it('changes the password, signs out other sessions, and rejects a wrong current password', async () => {
    const other = await signIn();
    const { cookie } = await signIn();
    const bad = await server.app.inject({
      method: 'POST', url: '/api/v1/auth/password', headers: { ...json, cookie },
      payload: { currentPassword: 'wrong', newPassword: 'a brand new password' },
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error).toMatchObject({ code: 'invalid_credentials', field: 'currentPassword' });
    const short = await server.app.inject({
      method: 'POST', url: '/api/v1/auth/password', headers: { ...json, cookie },
      payload: { currentPassword: PASSWORD, newPassword: 'short' },
    });
    expect(short.json().error).toMatchObject({ code: 'validation_failed', field: 'newPassword' });
    const ok = await server.app.inject({
      method: 'POST', url: '/api/v1/auth/password', headers: { ...json, cookie },
      payload: { currentPassword: PASSWORD, newPassword: 'a brand new password' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await server.app.inject({ url: '/api/v1/auth/session', headers: { cookie } })).statusCode).toBe(200);
    expect((await server.app.inject({ url: '/api/v1/auth/session', headers: { cookie: other.cookie } })).statusCode).toBe(401);
    expect((await signIn('a brand new password')).response.statusCode).toBe(200);
  });

  it('answers unknown API paths with the error shape, not the web app', async () => {
    const response = await server.app.inject({ url: '/api/v1/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  });
});
