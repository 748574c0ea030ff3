import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from '../../../../../test/support/api';
import { startTestServer } from '../../../../../test/support/server';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('organization settings', () => {
  it('shows every role its own organization', async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    for (const user of [org.owner, org.admin, org.member, org.viewer]) {
      const response = await user.request('GET', '/api/v1/organization');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        id: org.id, name: org.name, slug: expect.any(String), timeZone: 'UTC', weekStart: 1, workingMinutesPerDay: 480,
      });
    }
  });

  it('lets an ADMIN change name, time zone (canonicalised), week start and working day', async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    const other = await createOrganization(server.app, server.databaseUrl);
    const response = await org.admin.request('PATCH', '/api/v1/organization', {
      name: 'Acme Ops', timeZone: 'europe/paris', weekStart: 0, workingMinutesPerDay: 450,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: org.id, name: 'Acme Ops', timeZone: 'Europe/Paris', weekStart: 0, workingMinutesPerDay: 450 });
    expect((await org.member.request('GET', '/api/v1/organization')).json().timeZone).toBe('Europe/Paris');
    // Only the caller's organization changed.
    expect((await other.owner.request('GET', '/api/v1/organization')).json()).toMatchObject({ name: other.name, timeZone: 'UTC' });
    expect((await org.owner.request('PATCH', '/api/v1/organization', { timeZone: 'America/New_York' })).json().timeZone).toBe('America/New_York');
  });

  it('validates each setting and names the field', async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    for (const [body, field] of [
      [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
      [{ timeZone: '+02:00' }, 'timeZone'],
      [{ timeZone: '' }, 'timeZone'],
      [{ weekStart: 7 }, 'weekStart'],
      [{ weekStart: 1.5 }, 'weekStart'],
      [{ workingMinutesPerDay: 59 }, 'workingMinutesPerDay'],
      [{ workingMinutesPerDay: 1441 }, 'workingMinutesPerDay'],
      [{ name: '  ' }, 'name'],
    ] as const) {
      const response = await org.owner.request('PATCH', '/api/v1/organization', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'validation_failed', field });
    }
    expect((await org.owner.request('GET', '/api/v1/organization')).json()).toMatchObject({ timeZone: 'UTC', weekStart: 1, workingMinutesPerDay: 480 });
  });

  it('refuses changes from a MEMBER or VIEWER', async () => {
    const org = await createOrganization(server.app, server.databaseUrl);
    for (const user of [org.member, org.viewer]) {
      const response = await user.request('PATCH', '/api/v1/organization', { name: 'Mine now' });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
    }
    expect((await org.owner.request('GET', '/api/v1/organization')).json().name).toBe(org.name);
  });
});
