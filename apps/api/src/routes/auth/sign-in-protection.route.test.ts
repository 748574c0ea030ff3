// Login throttling and lockout (policies/login-throttle.ts): per email, per IP address, counted in
// PostgreSQL. Each test uses its own emails and addresses (X-Forwarded-For, believed from local and
// private addresses: app.inject connects from 127.0.0.1).
import { loginThrottle } from '@rytask/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, TEST_PASSWORD } from '../../../../../test/support/api';
import { withClient } from '../../../../../test/support/db';
import { startTestServer } from '../../../../../test/support/server';

let server: Awaited<ReturnType<typeof startTestServer>>;
let organizationId: string;

beforeAll(async () => {
  server = await startTestServer({ adminPassword: 'correct horse battery' });
  organizationId = await withClient(server.databaseUrl, async (c) => (await c.query('SELECT id FROM organizations')).rows[0].id);
});
afterAll(() => server.close());

let ipCounter = 0;
const newIp = () => `203.0.113.${++ipCounter}`;

/** A sign-in whose proxy says it came from `ip`; the proxy itself connects from `remoteAddress`. */
function signIn(email: string, password: string, ip: string, remoteAddress = '127.0.0.1') {
  return server.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress,
    headers: { 'content-type': 'application/json', 'x-rytask-csrf': '1', 'x-forwarded-for': ip },
    payload: { email, password },
  });
}

async function failTimes(n: number, email: string, ip: string) {
  for (let i = 0; i < n; i++) {
    const response = await signIn(email, `wrong password ${i}`, ip);
    expect(response.statusCode).toBe(401);
  }
}

const attempts = (email: string) =>
  withClient(server.databaseUrl, async (c) => (await c.query('SELECT count(*)::int AS n FROM login_attempts WHERE email = $1', [email])).rows[0].n);

/** Moves an email's attempts into the past, as if `minutes` had gone by. */
const age = (email: string, minutes: number) =>
  withClient(server.databaseUrl, (c) =>
    c.query(`UPDATE login_attempts SET attempted_at = attempted_at - make_interval(mins => $2) WHERE email = $1`, [email, minutes]),
  );

describe('sign-in protection', () => {
  it(`locks an account for 15 minutes after ${loginThrottle.ACCOUNT_MAX_FAILURES} failures, even for the right password`, async () => {
    const user = await addUser(server.app, server.databaseUrl, organizationId, 'MEMBER');
    const ip = newIp();
    await failTimes(loginThrottle.ACCOUNT_MAX_FAILURES, user.email, ip);
    const locked = await signIn(user.email, TEST_PASSWORD, newIp());
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('too_many_attempts');
    expect(locked.json().error.message).toMatch(/try again in 15 minutes/);
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(locked.cookies.find((c) => c.name === 'rytask_session')).toBeUndefined();
  });

  it('answers an unknown email exactly like a known one, lockout included', async () => {
    const user = await addUser(server.app, server.databaseUrl, organizationId, 'MEMBER');
    const unknown = `nobody-${Date.now()}@example.test`;
    await failTimes(loginThrottle.ACCOUNT_MAX_FAILURES, user.email, newIp());
    await failTimes(loginThrottle.ACCOUNT_MAX_FAILURES, unknown, newIp());
    const known = await signIn(user.email, 'anything at all', newIp());
    const missing = await signIn(unknown, 'anything at all', newIp());
    expect(missing.statusCode).toBe(known.statusCode);
    expect(missing.json().error.message).toBe(known.json().error.message);
    expect(missing.headers['retry-after']).toBeDefined();
    expect(Math.abs(Number(missing.headers['retry-after']) - Number(known.headers['retry-after']))).toBeLessThan(5);
  });

  it('does not count refused attempts, and lets the account in once the lockout is over', async () => {
    const user = await addUser(server.app, server.databaseUrl, organizationId, 'MEMBER');
    await failTimes(loginThrottle.ACCOUNT_MAX_FAILURES, user.email, newIp());
    const before = await attempts(user.email);
    for (let i = 0; i < 3; i++) expect((await signIn(user.email, 'still guessing', newIp())).statusCode).toBe(429);
    expect(await attempts(user.email)).toBe(before);

    await age(user.email, 14);
    expect((await signIn(user.email, TEST_PASSWORD, newIp())).statusCode).toBe(429);
    await age(user.email, 1);
    expect((await signIn(user.email, TEST_PASSWORD, newIp())).statusCode).toBe(200);
  });

  it('clears the failure streak on a successful sign-in', async () => {
    const user = await addUser(server.app, server.databaseUrl, organizationId, 'MEMBER');
    const ip = newIp();
    await failTimes(loginThrottle.ACCOUNT_MAX_FAILURES - 1, user.email, ip);
    expect((await signIn(user.email, TEST_PASSWORD, ip)).statusCode).toBe(200);
    await failTimes(loginThrottle.ACCOUNT_MAX_FAILURES - 1, user.email, ip);
    expect((await signIn(user.email, TEST_PASSWORD, ip)).statusCode).toBe(200);
  });

  it('spreads failures over more than 15 minutes without locking', async () => {
    const user = await addUser(server.app, server.databaseUrl, organizationId, 'MEMBER');
    await failTimes(loginThrottle.ACCOUNT_MAX_FAILURES - 1, user.email, newIp());
    await age(user.email, 16);
    await failTimes(1, user.email, newIp());
    expect((await signIn(user.email, TEST_PASSWORD, newIp())).statusCode).toBe(200);
  });

  it(`throttles an address after ${loginThrottle.IP_MAX_FAILURES} failures over any emails, and only that address`, async () => {
    const user = await addUser(server.app, server.databaseUrl, organizationId, 'MEMBER');
    const ip = newIp();
    for (let i = 0; i < loginThrottle.IP_MAX_FAILURES; i++) {
      expect((await signIn(`spray-${i}-${ip}@example.test`, 'password123456', ip)).statusCode).toBe(401);
    }
    const throttled = await signIn(user.email, TEST_PASSWORD, ip);
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().error.code).toBe('too_many_attempts');
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    expect((await signIn(user.email, TEST_PASSWORD, newIp())).statusCode).toBe(200);
  });

  it('believes X-Forwarded-For only from a proxy on a local or private network, not from a public address', async () => {
    const sprayer = '198.51.100.77'; // a public address, connecting straight to the api, claiming a new address each time
    for (let i = 0; i < loginThrottle.IP_MAX_FAILURES; i++) {
      expect((await signIn(`direct-${i}@example.test`, 'password123456', newIp(), sprayer)).statusCode).toBe(401);
    }
    const user = await addUser(server.app, server.databaseUrl, organizationId, 'MEMBER');
    expect((await signIn(user.email, TEST_PASSWORD, newIp(), sprayer)).statusCode).toBe(429);
    for (const proxy of ['127.0.0.1', '10.0.0.5', '172.18.0.3', '192.168.1.2', '::1']) {
      expect((await signIn(user.email, TEST_PASSWORD, newIp(), proxy)).statusCode, proxy).toBe(200);
    }
  });

  it('lets only a handful of a burst of parallel guesses through to the password check', async () => {
    const user = await addUser(server.app, server.databaseUrl, organizationId, 'MEMBER');
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(user.email, `parallel guess ${i}`, newIp())));
    const checked = responses.filter((r) => r.statusCode === 401).length;
    expect(responses.filter((r) => r.statusCode === 429).length).toBe(20 - checked);
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(loginThrottle.ACCOUNT_MAX_FAILURES);
  });

  it('keeps emails and addresses only in the database, never in answers', async () => {
    const response = await signIn('someone@example.test', 'wrong wrong wrong', newIp());
    expect(response.body).not.toMatch(/203\.0\.113|argon2/);
  });
});
