import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createOrganization } from '../../../../../test/support/api';
import { withClient } from '../../../../../test/support/db';
import { startTestServer } from '../../../../../test/support/server';
import { createProjectWithItems } from '../../../../../test/support/work-rows';

let server: Awaited<ReturnType<typeof startTestServer>>;
let org: Awaited<ReturnType<typeof createOrganization>>;
let other: Awaited<ReturnType<typeof createOrganization>>;
let itemId: string;
let trashedId: string;
let otherItemId: string;

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganization(server.app, server.databaseUrl, 'Comments');
  other = await createOrganization(server.app, server.databaseUrl, 'Elsewhere');
  const project = await createProjectWithItems(server.databaseUrl, org.id, [{ title: 'Fix login' }, { title: 'Old', trashed: true }]);
  itemId = project.items[0]!.id;
  trashedId = project.items[1]!.id;
  otherItemId = (await createProjectWithItems(server.databaseUrl, other.id, [{ title: 'Theirs' }])).items[0]!.id;
});
afterAll(() => server.close());

const sql = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) => {
  const rows = await withClient(server.databaseUrl, async (c) => (await c.query(text, values)).rows as T[]);
  await server.changesSeen();
  return rows;
};

describe('comments', () => {
  it('posts a comment whose mentions of members become links, and lists comments oldest first', async () => {
    const first = await org.member.request('POST', `/api/v1/items/${itemId}/comments`, { body: `Looks good @${org.admin.handle}, not @nobody` });
    expect(first.statusCode).toBe(201);
    const comment = first.json();
    expect(comment).toMatchObject({ itemId, author: { id: org.member.id, name: org.member.name, handle: org.member.handle }, editedAt: null });
    expect(comment.bodyHtml).toContain(`<a href="/people/${org.admin.id}" class="mention" data-mention="${org.admin.id}"`);
    expect(comment.bodyHtml).toContain('@nobody');
    expect(comment.bodyHtml.match(/class="mention"/g)).toHaveLength(1);

    await org.owner.request('POST', `/api/v1/items/${itemId}/comments`, { body: 'Second' });
    const list = await org.viewer.request('GET', `/api/v1/items/${itemId}/comments`);
    expect(list.statusCode).toBe(200);
    expect(list.json().comments.map((c: { body: string }) => c.body)).toEqual([`Looks good @${org.admin.handle}, not @nobody`, 'Second']);
    expect(list.json().comments[0].bodyHtml).toContain(`data-mention="${org.admin.id}"`);
  });

  it('makes the author a watcher and records a comment activity naming the mentioned members', async () => {
    const response = await org.member.request('POST', `/api/v1/items/${itemId}/comments`, {
      body: `@${org.owner.handle} @${org.owner.handle.toUpperCase()} and @${other.owner.handle} (another organization) and \`@${org.admin.handle}\``,
    });
    const commentId = response.json().id;
    const watchers = await sql<{ user_id: string }>('SELECT user_id FROM item_watchers WHERE item_id = $1', [itemId]);
    expect(watchers.map((w) => w.user_id)).toContain(org.member.id);
    const [activity] = await sql<{ field: string; actor_id: string; new_value: unknown; notified_at: Date | null }>(
      'SELECT field, actor_id, new_value, notified_at FROM item_activity WHERE comment_id = $1',
      [commentId],
    );
    // The other organization's person and a handle inside code are not mentions.
    expect(activity).toEqual({ field: 'comment', actor_id: org.member.id, new_value: { mentions: [org.owner.id] }, notified_at: null });
  });

  it('queues the notification delivery job in the same transaction', async () => {
    await sql('DELETE FROM graphile_worker._private_jobs');
    await org.member.request('POST', `/api/v1/items/${itemId}/comments`, { body: 'one' });
    await org.member.request('POST', `/api/v1/items/${itemId}/comments`, { body: 'two' });
    const jobs = await sql<{ task_identifier: string; key: string }>('SELECT task_identifier, key FROM graphile_worker.jobs');
    // Two writes, one waiting job (job_key).
    expect(jobs).toEqual([{ task_identifier: 'deliver-notifications', key: 'deliver-notifications' }]);
  });

  it('does not mention deactivated members', async () => {
    const gone = await addUser(server.app, server.databaseUrl, org.id, 'MEMBER', { handle: 'gone-person' });
    await sql('UPDATE memberships SET deactivated_at = now() WHERE user_id = $1', [gone.id]);
    const response = await org.member.request('POST', `/api/v1/items/${itemId}/comments`, { body: 'ping @gone-person' });
    const [activity] = await sql<{ new_value: unknown }>('SELECT new_value FROM item_activity WHERE comment_id = $1', [response.json().id]);
    expect(activity!.new_value).toEqual({ mentions: [] });
  });

  it('lets the author edit: marked edited, newly mentioned people recorded, nobody else', async () => {
    const created = (await org.member.request('POST', `/api/v1/items/${itemId}/comments`, { body: `hi @${org.owner.handle}` })).json();
    const edited = await org.member.request('PATCH', `/api/v1/comments/${created.id}`, { body: `hi @${org.owner.handle} and @${org.admin.handle}` });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().editedAt).not.toBeNull();
    expect(edited.json().bodyHtml).toContain(`data-mention="${org.admin.id}"`);
    const rows = await sql<{ field: string; new_value: unknown }>('SELECT field, new_value FROM item_activity WHERE comment_id = $1 ORDER BY id', [created.id]);
    expect(rows).toEqual([
      { field: 'comment', new_value: { mentions: [org.owner.id] } },
      { field: 'comment_edited', new_value: { mentions: [org.admin.id] } },
    ]);
  });

  it('refuses edits and deletes by anyone but the author (403), except deletion by an owner or admin', async () => {
    const created = (await org.member.request('POST', `/api/v1/items/${itemId}/comments`, { body: 'mine' })).json();
    for (const person of [org.owner, org.admin]) {
      const edit = await person.request('PATCH', `/api/v1/comments/${created.id}`, { body: 'not yours' });
      expect(edit.statusCode).toBe(403);
      expect(edit.json().error.code).toBe('forbidden');
    }
    const another = await addUser(server.app, server.databaseUrl, org.id, 'MEMBER');
    expect((await another.request('DELETE', `/api/v1/comments/${created.id}`)).statusCode).toBe(403);
    expect((await org.admin.request('DELETE', `/api/v1/comments/${created.id}`)).statusCode).toBe(204);
    expect((await org.member.request('GET', `/api/v1/items/${itemId}/comments`)).json().comments.map((c: { id: string }) => c.id)).not.toContain(created.id);

    const second = (await org.member.request('POST', `/api/v1/items/${itemId}/comments`, { body: 'also mine' })).json();
    expect((await org.member.request('DELETE', `/api/v1/comments/${second.id}`)).statusCode).toBe(204);
    expect((await org.member.request('DELETE', `/api/v1/comments/${second.id}`)).statusCode).toBe(404);
  });

  it('keeps viewers read-only', async () => {
    const post = await org.viewer.request('POST', `/api/v1/items/${itemId}/comments`, { body: 'can I?' });
    expect(post.statusCode).toBe(403);
    expect(post.json().error.code).toBe('forbidden');
    expect((await org.viewer.request('GET', `/api/v1/items/${itemId}/comments`)).statusCode).toBe(200);
  });

  it('answers 404 for another organization’s items and comments, and for items in the trash', async () => {
    const theirs = (await other.member.request('POST', `/api/v1/items/${otherItemId}/comments`, { body: 'private' })).json();
    expect((await org.member.request('GET', `/api/v1/items/${otherItemId}/comments`)).statusCode).toBe(404);
    expect((await org.member.request('POST', `/api/v1/items/${otherItemId}/comments`, { body: 'x' })).statusCode).toBe(404);
    for (const person of [org.member, org.owner]) {
      const edit = await person.request('PATCH', `/api/v1/comments/${theirs.id}`, { body: 'x' });
      expect(edit.statusCode).toBe(404);
      expect(edit.json().error.code).toBe('not_found');
      expect((await person.request('DELETE', `/api/v1/comments/${theirs.id}`)).statusCode).toBe(404);
    }
    const trashed = await org.member.request('POST', `/api/v1/items/${trashedId}/comments`, { body: 'x' });
    expect(trashed.statusCode).toBe(404);
    expect(trashed.json().error.message).toMatch(/trash/);
    expect((await org.member.request('GET', `/api/v1/items/00000000-0000-4000-8000-000000000000/comments`)).statusCode).toBe(404);
  });

  it('validates the body', async () => {
    const empty = await org.member.request('POST', `/api/v1/items/${itemId}/comments`, { body: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toMatchObject({ code: 'validation_failed', field: 'body' });
    expect((await org.member.request('POST', `/api/v1/items/not-a-uuid/comments`, { body: 'x' })).statusCode).toBe(400);
  });

  it('escapes HTML in comment bodies', async () => {
    const response = await org.member.request('POST', `/api/v1/items/${itemId}/comments`, { body: '<img src=x onerror=alert(1)> [x](javascript:alert(1))' });
    expect(response.json().bodyHtml).not.toMatch(/<img|href="javascript/);
  });
});
