// A backup of a database in real use — projects, statuses, labels, items with sub-tasks, comments,
// per-field activity (an identity column), watchers, notifications, saved views, tokens, invites —
// restores every row of every table identically, and work carries on afterwards: new items get the
// next number, new activity rows new ids.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackup, createDatabase, restoreBackup } from '@rytask/db';
import { jobs } from '@rytask/worker';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from './support/api';
import { createTestDatabase, withClient, type TestDatabase } from './support/db';
import { startTestServer } from './support/server';
import { createItem, createProject, ok } from './support/work';

let server: Awaited<ReturnType<typeof startTestServer>>;
let target: TestDatabase;

/** Every row of every table as text, in a total order (ties included). */
async function rows(url: string): Promise<Record<string, string[]>> {
  return withClient(url, async (client) => {
    const { rows: tables } = await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    const out: Record<string, string[]> = {};
    for (const { tablename } of tables) {
      out[tablename] = (await client.query<{ r: string }>(`SELECT t::text AS r FROM "${tablename}" t ORDER BY 1`)).rows.map((r) => r.r);
    }
    return out;
  });
}

beforeAll(async () => {
  server = await startTestServer();
  target = await createTestDatabase('empty');
});
afterAll(async () => {
  await target?.drop();
  await server?.close();
});

describe('backup and restore of work data', () => {
  it('restores every row identically, and new work continues after the restore', async () => {
    const org = await createOrganization(server.app, server.databaseUrl, 'Backed up');
    const project = await createProject(org.owner, { key: 'BAK', name: 'Backed up "project"\twith tab' });
    const parent = await createItem(org.owner, project.id, {
      title: 'Parent\nwith newline', description: '**md** \\ backslash', labels: ['ops', 'über'], priority: 'urgent',
      assigneeId: org.member.id, estimateMinutes: 90, dueDate: '2026-12-24',
    });
    const child = await createItem(org.member, project.id, { title: 'Child', parentId: parent.id });
    await ok(org.member, 'PATCH', `/api/v1/items/${child.id}`, { version: child.version, title: 'Child renamed', priority: 'low' });
    await ok(org.member, 'POST', `/api/v1/items/${parent.id}/move`, { version: parent.version, statusId: project.statuses[2].id, afterId: null, beforeId: null });
    await ok(org.owner, 'POST', `/api/v1/items/${parent.id}/comments`, { body: `Hello @${org.member.handle} — ünïcode 💥` });
    const trashed = await createItem(org.owner, project.id, { title: 'Trashed' });
    await ok(org.owner, 'DELETE', `/api/v1/items/${trashed.id}`);
    await ok(org.member, 'POST', '/api/v1/views', { name: 'Mine', query: { assignee: 'me', sort: 'priority' } });
    await ok(org.member, 'POST', '/api/v1/tokens', { name: 'ci', scope: 'read' });
    await ok(org.owner, 'POST', '/api/v1/invites', { role: 'VIEWER' });
    const handle = createDatabase(server.databaseUrl, { max: 1 });
    try {
      await jobs.find((job) => job.id === 'deliver-notifications')!.run({}, { db: handle.db, log: pino({ level: 'silent' }) });
    } finally {
      await handle.close();
    }
    const before = await rows(server.databaseUrl);
    for (const table of ['items', 'item_labels', 'item_activity', 'comments', 'item_watchers', 'notifications', 'saved_views', 'access_tokens', 'invites', 'labels', 'statuses']) {
      expect(before[table]!.length, table).toBeGreaterThan(0);
    }

    const { file } = await createBackup(server.databaseUrl, { outDir: mkdtempSync(join(tmpdir(), 'rytask-work-backup-')), appVersion: 'test' });
    await restoreBackup({ databaseUrl: target.url, file, appVersion: 'test', force: false, lockWaitMs: 5_000, log: () => undefined });
    const after = await rows(target.url);
    expect(after).toEqual(before);

    // Work goes on in the restored database: the next item number and activity ids continue.
    const next = await withClient(target.url, async (client) => {
      const { rows: [projectRow] } = await client.query('SELECT next_item_number FROM projects WHERE key = $1', ['BAK']);
      const { rows: [maxActivity] } = await client.query('SELECT max(id)::int AS id FROM item_activity');
      const { rows: [inserted] } = await client.query(
        `INSERT INTO item_activity (organization_id, item_id, actor_id, field) SELECT organization_id, id, NULL, 'test' FROM items LIMIT 1 RETURNING id::int`,
      );
      const { rows: [search] } = await client.query(`SELECT count(*)::int AS n FROM items WHERE search @@ to_tsquery('simple', 'newline')`);
      return { number: projectRow.next_item_number, maxActivity: maxActivity.id, inserted: inserted.id, search: search.n };
    });
    expect(next.number).toBe(4);
    expect(next.inserted).toBeGreaterThan(next.maxActivity);
    expect(next.search).toBe(1); // generated search columns are rebuilt from the restored text
  });
});
