// Signed-in callers for API tests: organizations and people with given roles, created straight in
// the test database (argon2 hashing included), then signed in through the real login route.
import { hashPassword } from '@rytask/core';
import type { FastifyInstance } from 'fastify';
import { withClient } from './db';

export const TEST_PASSWORD = 'correct horse battery staple';
export type TestRole = 'OWNER' | 'ADMIN' | 'MEMBER' | 'VIEWER';

export interface TestUser {
  id: string;
  email: string;
  name: string;
  handle: string;
  role: TestRole;
  organizationId: string;
  cookie: string;
  /** app.inject with this user's session cookie and the CSRF header. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests check answers field by field
  request(method: string, url: string, payload?: unknown): Promise<{ statusCode: number; json: () => any; body: string; headers: Record<string, unknown> }>;
}

let counter = 0;
let passwordHash: string | undefined;

/** A new organization with one person per role (names like "Olivia Owner", handle `owner3`). */
export async function createOrganization(app: FastifyInstance, databaseUrl: string, name = `Org ${++counter}`) {
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${++counter}`;
  const organizationId = await withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ id: string }>('INSERT INTO organizations (name, slug) VALUES ($1, $2) RETURNING id', [name, slug]);
    return rows[0]!.id;
  });
  const people = {} as Record<TestRole, TestUser>;
  for (const role of ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER'] as const) {
    people[role] = await addUser(app, databaseUrl, organizationId, role);
  }
  return { id: organizationId, name, ...people, owner: people.OWNER, admin: people.ADMIN, member: people.MEMBER, viewer: people.VIEWER };
}

const FIRST_NAMES: Record<TestRole, string> = { OWNER: 'Olivia', ADMIN: 'Adam', MEMBER: 'Mia', VIEWER: 'Victor' };

/** Adds a person with `role` to the organization and signs them in. */
export async function addUser(app: FastifyInstance, databaseUrl: string, organizationId: string, role: TestRole, options: { name?: string; handle?: string } = {}): Promise<TestUser> {
  passwordHash ??= await hashPassword(TEST_PASSWORD);
  const n = ++counter;
  const handle = options.handle ?? `${role.toLowerCase()}${n}`;
  const email = `${handle}@example.test`;
  const name = options.name ?? `${FIRST_NAMES[role]} ${role[0]}${role.slice(1).toLowerCase()}${n}`;
  const id = await withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ id: string }>(
      'INSERT INTO users (email, name, handle, password_hash) VALUES ($1, $2, $3, $4) RETURNING id',
      [email, name, handle, passwordHash],
    );
    await client.query('INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, $3)', [organizationId, rows[0]!.id, role]);
    return rows[0]!.id;
  });
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'content-type': 'application/json', 'x-rytask-csrf': '1' },
    payload: { email, password: TEST_PASSWORD },
  });
  if (login.statusCode !== 200) throw new Error(`test sign-in failed: ${login.body}`);
  const cookie = `rytask_session=${login.cookies.find((c) => c.name === 'rytask_session')!.value}`;
  return {
    id, email, name, handle, role, organizationId, cookie,
    request: (method, url, payload) =>
      app.inject({
        method: method as 'GET',
        url,
        headers: { cookie, 'x-rytask-csrf': '1', ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(payload === undefined ? {} : { payload: payload as object }),
      }),
  };
}
