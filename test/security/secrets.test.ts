// No password, password hash, session token, access token (or its hash) or invite token ever
// appears in a response body or a log line — except the one answer that shows a new access token
// or invite link once. Runs the sign-in, token and invite flows with the most verbose logging.
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, TEST_PASSWORD } from '../support/api';
import { startTestServer } from '../support/server';
import { withClient } from '../support/db';

const logLines: string[] = [];
const logStream = new Writable({
  write(chunk, _encoding, done) {
    logLines.push(String(chunk));
    done();
  },
});

let server: Awaited<ReturnType<typeof startTestServer>>;
const bodies: string[] = [];
const secrets: string[] = [];
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function call(method: string, url: string, options: { cookie?: string; bearer?: string; payload?: unknown } = {}) {
  const response = await server.app.inject({
    method: method as 'GET',
    url,
    headers: {
      'x-rytask-csrf': '1',
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...(options.bearer ? { authorization: `Bearer ${options.bearer}` } : {}),
      ...(options.payload === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(options.payload === undefined ? {} : { payload: options.payload as object }),
  });
  return response;
}

beforeAll(async () => {
  server = await startTestServer({ logLevel: 'trace', logStream });
  const org = await createOrganization(server.app, server.databaseUrl, 'Secrets');
  const owner = org.owner;
  const cookieToken = owner.cookie.split('=')[1]!;
  secrets.push(TEST_PASSWORD, cookieToken, sha256(cookieToken));

  // Sign-in: right, wrong, and a password change.
  bodies.push((await call('POST', '/api/v1/auth/login', { payload: { email: owner.email, password: TEST_PASSWORD } })).body);
  bodies.push((await call('POST', '/api/v1/auth/login', { payload: { email: owner.email, password: 'wrong but secret-ish 1' } })).body);
  secrets.push('wrong but secret-ish 1');
  const newPassword = 'a brand new secret passphrase';
  secrets.push(newPassword);
  bodies.push((await call('POST', '/api/v1/auth/password', { cookie: org.member.cookie, payload: { currentPassword: TEST_PASSWORD, newPassword } })).body);

  // An access token: shown once at creation, then used.
  const created = await call('POST', '/api/v1/tokens', { cookie: owner.cookie, payload: { name: 'ci', scope: 'read_write' } });
  const token = created.json().token as string;
  expect(token).toMatch(/^rtk_/);
  secrets.push(token, sha256(token));
  bodies.push((await call('GET', '/api/v1/tokens', { cookie: owner.cookie })).body);
  bodies.push((await call('GET', '/api/v1/auth/session', { bearer: token })).body);
  bodies.push((await call('GET', '/api/v1/members', { bearer: token })).body);
  bodies.push((await call('GET', '/api/v1/members', { bearer: `${token}x` })).body);

  // An invite link: shown once, then previewed and accepted.
  const invite = await call('POST', '/api/v1/invites', { cookie: owner.cookie, payload: { role: 'MEMBER' } });
  const inviteToken = (invite.json().url as string).split('/invite/')[1]!;
  secrets.push(inviteToken, sha256(inviteToken));
  bodies.push((await call('GET', '/api/v1/invites', { cookie: owner.cookie })).body);
  bodies.push((await call('GET', `/api/v1/invites/${inviteToken}`)).body);
  const invitePassword = 'the invitee secret password';
  secrets.push(invitePassword);
  const accepted = await call('POST', `/api/v1/invites/${inviteToken}/accept`, {
    payload: { name: 'Ivy Invitee', email: 'ivy@example.test', handle: 'ivy', password: invitePassword },
  });
  bodies.push(accepted.body);
  const ivyCookie = accepted.cookies.find((c) => c.name === 'rytask_session')!.value;
  secrets.push(ivyCookie, sha256(ivyCookie));
  bodies.push((await call('GET', '/api/v1/auth/session', { cookie: `rytask_session=${ivyCookie}` })).body);
  bodies.push((await call('POST', '/api/v1/auth/logout', { cookie: `rytask_session=${ivyCookie}`, payload: {} })).body);

  // Every password hash in the database.
  const hashes = await withClient(server.databaseUrl, (c) => c.query<{ password_hash: string }>('SELECT password_hash FROM users'));
  secrets.push(...hashes.rows.map((r) => r.password_hash));
});
afterAll(() => server?.close());

describe('secrets', () => {
  it('never appear in a response body', () => {
    expect(bodies.length).toBeGreaterThan(10);
    const leaks = bodies.flatMap((body) => secrets.filter((s) => body.includes(s)).map((s) => `${s.slice(0, 12)}… in ${body.slice(0, 120)}`));
    expect(leaks).toEqual([]);
    expect(bodies.join('\n')).not.toMatch(/\$argon2|passwordHash|password_hash|tokenHash|token_hash/);
  });

  it('never appear in a log line, even at trace level', () => {
    expect(logLines.length).toBeGreaterThan(20);
    const leaks = logLines.flatMap((line) => secrets.filter((s) => line.includes(s)).map((s) => `${s.slice(0, 12)}… in ${line.slice(0, 200)}`));
    expect(leaks).toEqual([]);
    expect(logLines.join('\n')).not.toMatch(/\$argon2/);
  });
});
