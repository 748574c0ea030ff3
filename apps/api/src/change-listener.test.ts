// The api's read cache on a real PostgreSQL: what it keeps is never served once the data changed,
// whoever changed it, and nothing is cached while changes could go unheard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createOrganization } from '../../../test/support/api';
import { withClient } from '../../../test/support/db';
import { startTestServer } from '../../../test/support/server';
import { createItem, createProject, ok } from '../../../test/support/work';

let server: Awaited<ReturnType<typeof startTestServer>>;
let org: Awaited<ReturnType<typeof createOrganization>>;
let project: { id: string };
let item: { id: string; key: string };
const sql = (text: string, values: unknown[] = []) => withClient(server.databaseUrl, async (c) => (await c.query(text, values)).rows);

async function waitFor(condition: () => boolean, what: string) {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 10_000) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const titles = async (user = org.member) =>
  ((await ok(user, 'GET', `/api/v1/items?projectId=${project.id}&limit=50`)).items as { title: string }[]).map((i) => i.title);

beforeAll(async () => {
  server = await startTestServer();
  await waitFor(() => server.app.readCache.enabled, 'the change listener to connect');
  org = await createOrganization(server.app, server.databaseUrl);
  project = await createProject(org.admin);
  item = await createItem(org.member, project.id, { title: 'First title' });
});
afterAll(async () => {
  await server?.close();
});

describe('the read cache', () => {
  it('serves a repeated list page from memory, and a write through the api on the very next read', async () => {
    await server.changesSeen(); // the set-up's own notifications, which would empty the cache mid-test
    await titles();
    const before = { ...server.app.readCache.stats };
    expect(await titles()).toEqual(['First title']);
    expect(server.app.readCache.stats.hits - before.hits).toBe(2); // the caller and the page

    const { version } = await ok(org.member, 'GET', `/api/v1/items/${item.id}`);
    await ok(org.member, 'PATCH', `/api/v1/items/${item.id}`, { title: 'Renamed through the api', version });
    expect(await titles()).toEqual(['Renamed through the api']);
    expect(await titles(org.viewer)).toEqual(['Renamed through the api']);
  });

  it('forgets a list page when another process changes the database (the worker, a command, a hand edit)', async () => {
    await server.changesSeen();
    await titles();
    const before = server.app.readCache.stats.invalidations;
    await sql('UPDATE items SET title = $2 WHERE id = $1', [item.id, 'Renamed by hand']);
    // The notification alone, with no request through the api, makes it forget.
    await waitFor(() => server.app.readCache.stats.invalidations > before, 'the notification');
    expect(await titles()).toEqual(['Renamed by hand']);
  });

  it('every RyTask table announces its changes (a new table without the trigger fails here)', async () => {
    const rows = await sql(
      `SELECT c.relname AS table, EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'rytask_notify_change') AS announced
         FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND c.relname <> 'rytask_migrations'
        ORDER BY 1`,
    );
    expect(rows.length).toBeGreaterThan(15);
    expect(rows.filter((r) => !r.announced).map((r) => r.table)).toEqual([]);
  });

  it('a transaction that rolls back forgets nothing and announces nothing', async () => {
    await server.changesSeen();
    await titles();
    const before = server.app.readCache.stats.invalidations;
    await withClient(server.databaseUrl, async (c) => {
      await c.query('BEGIN');
      await c.query('UPDATE items SET title = $2 WHERE id = $1', [item.id, 'Never committed']);
      await c.query('ROLLBACK');
    });
    await server.changesSeen(); // the marker itself is one notification
    expect(server.app.readCache.stats.invalidations - before).toBe(1);
    expect(await titles()).toEqual(['Renamed by hand']);
  });
});

describe('signed-in callers in the read cache', () => {
  it('a signed-out session stops working on its next request', async () => {
    const user = await addUser(server.app, server.databaseUrl, org.id, 'MEMBER');
    expect((await user.request('GET', '/api/v1/auth/session')).statusCode).toBe(200);
    expect((await user.request('GET', '/api/v1/auth/session')).statusCode).toBe(200);
    expect((await user.request('POST', '/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await user.request('GET', '/api/v1/auth/session')).statusCode).toBe(401);
    expect((await user.request('GET', `/api/v1/items?projectId=${project.id}`)).statusCode).toBe(401);
  });

  it('a session ended, a member deactivated or a token revoked by another process is refused once the database says so', async () => {
    const [ended, deactivated] = [await addUser(server.app, server.databaseUrl, org.id, 'MEMBER'), await addUser(server.app, server.databaseUrl, org.id, 'MEMBER')];
    const token = (await ok(ended, 'POST', '/api/v1/tokens', { name: 'script', scope: 'read' })).token as string;
    const byToken = () => server.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { authorization: `Bearer ${token}` } });
    for (const request of [() => ended.request('GET', '/api/v1/auth/session'), () => deactivated.request('GET', '/api/v1/auth/session'), byToken]) {
      expect((await request()).statusCode).toBe(200);
      expect((await request()).statusCode).toBe(200); // now from memory
    }
    await sql('DELETE FROM sessions WHERE user_id = $1', [ended.id]);
    await sql('UPDATE memberships SET deactivated_at = now() WHERE user_id = $1', [deactivated.id]);
    await sql('UPDATE access_tokens SET revoked_at = now() WHERE user_id = $1', [ended.id]);
    await server.changesSeen();
    expect((await ended.request('GET', '/api/v1/auth/session')).statusCode).toBe(401);
    expect((await deactivated.request('GET', '/api/v1/auth/session')).statusCode).toBe(401);
    expect((await byToken()).statusCode).toBe(401);
  });
});

describe('the change listener', () => {
  it('turns caching off the moment it loses its connection, and back on once it has reconnected', async () => {
    await titles();
    await titles();
    await sql(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'rytask api (changes)' AND datname = current_database()`);
    await waitFor(() => !server.app.readCache.enabled, 'caching to turn off');
    // While nobody listens, a change by another process is seen at once: nothing was kept from
    // before, and nothing is kept until the listener is back (which empties the cache again).
    await sql('UPDATE items SET title = $2 WHERE id = $1', [item.id, 'Changed while nobody listened']);
    const hits = server.app.readCache.stats.hits;
    expect(await titles()).toEqual(['Changed while nobody listened']);
    expect(server.app.readCache.stats.hits).toBe(hits);

    await waitFor(() => server.app.readCache.enabled, 'the listener to reconnect');
    await server.changesSeen();
    await titles();
    expect(await titles()).toEqual(['Changed while nobody listened']);
    expect(server.app.readCache.stats.hits).toBeGreaterThan(hits);
    await sql('UPDATE items SET title = $2 WHERE id = $1', [item.id, 'Heard again']);
    await server.changesSeen();
    expect(await titles()).toEqual(['Heard again']);
  });
});
