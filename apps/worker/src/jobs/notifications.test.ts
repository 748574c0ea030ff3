// Delivery of item activity to inboxes, run directly against a test database: who hears about
// what, collapsing, idempotency, concurrent deliverers.
import { deliverNotifications } from '@rytask/core';
import { createDatabase, type Database } from '@rytask/db';
import { describe, expect, it } from 'vitest';
import { useTestDatabases, withClient } from '../../../../test/support/db';
import {
  allNotifications,
  createOrganizationRows,
  createProjectWithItems,
  recordActivity,
  recordComment,
  watch,
} from '../../../../test/support/work-rows';

const { database, cleanup } = useTestDatabases();

async function setup() {
  const db = await database();
  const handle = createDatabase(db.url, { max: 6 });
  cleanup(() => handle.close());
  const org = await createOrganizationRows(db.url, ['Ann', 'Bob', 'Cat', 'Dan', 'Eve'] as const);
  const project = await createProjectWithItems(db.url, org.id, [{ title: 'First' }, { title: 'Second' }]);
  return { url: db.url, db: handle.db, org, people: org.people, item: project.items[0]!.id, item2: project.items[1]!.id };
}

const summary = async (url: string) =>
  (await allNotifications(url)).map((n) => ({ user: n.user_id, kind: n.kind, item: n.item_id, actor: n.actor_id, count: n.event_count }));

const pending = (url: string) =>
  withClient(url, async (c) => (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM item_activity WHERE notified_at IS NULL')).rows[0]!.n);

describe('deliver-notifications', () => {
  it('tells the new assignee, not the person who assigned themselves', async () => {
    const { url, db, org, people, item, item2 } = await setup();
    await recordActivity(url, { organizationId: org.id, itemId: item, actorId: people.Ann, field: 'assignee', oldValue: null, newValue: { id: people.Bob, name: 'Bob' } });
    await recordActivity(url, { organizationId: org.id, itemId: item2, actorId: people.Cat, field: 'assignee', oldValue: null, newValue: { id: people.Cat, name: 'Cat' } });
    await recordActivity(url, { organizationId: org.id, itemId: item2, actorId: people.Cat, field: 'assignee', oldValue: { id: people.Cat, name: 'Cat' }, newValue: null });
    expect(await deliverNotifications(db)).toEqual({ activities: 3, notifications: 1 });
    expect(await summary(url)).toEqual([{ user: people.Bob, kind: 'assigned', item, actor: people.Ann, count: 1 }]);
    expect(await pending(url)).toBe(0);
  });

  it('tells the assignee of a new item when the created row names one', async () => {
    const { url, db, org, people, item } = await setup();
    await recordActivity(url, { organizationId: org.id, itemId: item, actorId: people.Ann, field: 'created', newValue: { key: 'X-1', title: 'First', assigneeId: people.Dan } });
    await deliverNotifications(db);
    expect(await summary(url)).toEqual([{ user: people.Dan, kind: 'assigned', item, actor: people.Ann, count: 1 }]);
  });

  it('tells the people an item’s description mentions, when it is created and when an edit newly mentions them', async () => {
    const { url, db, org, people, item, item2 } = await setup();
    await recordActivity(url, { organizationId: org.id, itemId: item, actorId: people.Ann, field: 'created', newValue: { key: 'X-1', title: 'First', assignee: null, mentions: [people.Bob, people.Ann] } });
    await recordActivity(url, { organizationId: org.id, itemId: item2, actorId: people.Ann, field: 'description_mentions', oldValue: null, newValue: { mentions: [people.Cat] } });
    expect(await deliverNotifications(db)).toEqual({ activities: 2, notifications: 2 });
    expect(await summary(url)).toEqual(
      expect.arrayContaining([
        { user: people.Bob, kind: 'mentioned', item, actor: people.Ann, count: 1 },
        { user: people.Cat, kind: 'mentioned', item: item2, actor: people.Ann, count: 1 },
      ]),
    );
    expect(await summary(url)).toHaveLength(2);
  });

  it('tells mentioned people they were mentioned and the other watchers that there is a comment — never the author', async () => {
    const { url, db, org, people, item } = await setup();
    await watch(url, item, people.Ann, people.Bob, people.Cat);
    const { commentId } = await recordComment(url, { organizationId: org.id, itemId: item, authorId: people.Ann, mentions: [people.Bob, people.Dan, people.Ann] });
    await deliverNotifications(db);
    const rows = await allNotifications(url);
    expect(rows.map((n) => [n.user_id, n.kind, n.comment_id])).toEqual(
      expect.arrayContaining([
        [people.Bob, 'mentioned', commentId],
        [people.Dan, 'mentioned', commentId],
        [people.Cat, 'commented', commentId],
      ]),
    );
    expect(rows).toHaveLength(3);
  });

  it('tells watchers about status changes, except the person who made the change', async () => {
    const { url, db, org, people, item } = await setup();
    await watch(url, item, people.Ann, people.Bob);
    await recordActivity(url, { organizationId: org.id, itemId: item, actorId: people.Ann, field: 'status', oldValue: { id: 'a', name: 'Todo' }, newValue: { id: 'b', name: 'Done' } });
    await recordActivity(url, { organizationId: org.id, itemId: item, actorId: people.Ann, field: 'title', oldValue: 'a', newValue: 'b' });
    await deliverNotifications(db);
    expect(await summary(url)).toEqual([{ user: people.Bob, kind: 'status_changed', item, actor: people.Ann, count: 1 }]);
  });

  it('notifies nobody who is deactivated, as a member or as an account, and nobody about a deleted comment', async () => {
    const { url, db, org, people, item } = await setup();
    await watch(url, item, people.Bob, people.Cat, people.Eve);
    await withClient(url, async (c) => {
      await c.query('UPDATE memberships SET deactivated_at = now() WHERE user_id = $1', [people.Bob]);
      await c.query('UPDATE users SET deactivated_at = now() WHERE id = $1', [people.Cat]);
    });
    await recordComment(url, { organizationId: org.id, itemId: item, authorId: people.Ann, mentions: [people.Bob, people.Cat] });
    await recordActivity(url, { organizationId: org.id, itemId: item, actorId: people.Ann, field: 'assignee', newValue: { id: people.Bob, name: 'Bob' } });
    const deleted = await recordComment(url, { organizationId: org.id, itemId: item, authorId: people.Dan, mentions: [people.Ann] });
    await withClient(url, (c) => c.query('DELETE FROM comments WHERE id = $1', [deleted.commentId]));
    await deliverNotifications(db);
    expect(await summary(url)).toEqual([{ user: people.Eve, kind: 'commented', item, actor: people.Ann, count: 1 }]);
  });

  it('collapses repeated events into one unread notification with a count, newest actor first', async () => {
    const { url, db, org, people, item, item2 } = await setup();
    await watch(url, item, people.Bob);
    await watch(url, item2, people.Bob);
    await recordComment(url, { organizationId: org.id, itemId: item, authorId: people.Ann });
    await deliverNotifications(db);
    await recordComment(url, { organizationId: org.id, itemId: item, authorId: people.Cat });
    await recordComment(url, { organizationId: org.id, itemId: item, authorId: people.Dan });
    await recordComment(url, { organizationId: org.id, itemId: item2, authorId: people.Dan });
    await deliverNotifications(db);
    expect(await summary(url)).toEqual(
      expect.arrayContaining([
        { user: people.Bob, kind: 'commented', item, actor: people.Dan, count: 3 },
        { user: people.Bob, kind: 'commented', item: item2, actor: people.Dan, count: 1 },
      ]),
    );
    expect(await allNotifications(url)).toHaveLength(2);

    // Once read, the next event makes it unread again and starts counting afresh.
    await withClient(url, (c) => c.query('UPDATE notifications SET read_at = now()'));
    await recordComment(url, { organizationId: org.id, itemId: item, authorId: people.Eve });
    await deliverNotifications(db);
    const [again] = (await allNotifications(url)).filter((n) => n.item_id === item);
    expect(again).toMatchObject({ event_count: 1, read_at: null, actor_id: people.Eve });
  });

  it('does nothing when run again, nor when the same activity is delivered twice', async () => {
    const { url, db, org, people, item } = await setup();
    await watch(url, item, people.Bob);
    const { activityId } = await recordComment(url, { organizationId: org.id, itemId: item, authorId: people.Ann });
    await deliverNotifications(db);
    const before = await summary(url);
    expect(await deliverNotifications(db)).toEqual({ activities: 0, notifications: 0 });
    // As if a deliverer had died after writing notifications but before marking the row.
    await withClient(url, (c) => c.query('UPDATE item_activity SET notified_at = NULL WHERE id = $1', [activityId]));
    expect(await deliverNotifications(db)).toEqual({ activities: 1, notifications: 0 });
    expect(await summary(url)).toEqual(before);
  });

  it('lets several deliverers run at once without duplicates, losses or deadlocks', async () => {
    const { url, db, org, people, item, item2 } = await setup();
    await watch(url, item, people.Ann, people.Bob, people.Cat, people.Dan, people.Eve);
    await watch(url, item2, people.Ann, people.Bob, people.Cat, people.Dan, people.Eve);
    const authors = [people.Ann, people.Bob, people.Cat, people.Dan, people.Eve];
    await withClient(url, async (c) => {
      // 400 comments, alternating authors and items, in one go.
      await c.query(
        `WITH c AS (
           INSERT INTO comments (organization_id, item_id, author_id, body)
           SELECT $1, CASE WHEN g % 2 = 0 THEN $2::uuid ELSE $3::uuid END, ($4::uuid[])[1 + g % 5], 'c' || g
           FROM generate_series(1, 400) g
           RETURNING id, item_id, author_id)
         INSERT INTO item_activity (organization_id, item_id, actor_id, field, new_value, comment_id)
         SELECT $1, item_id, author_id, 'comment', '{"mentions": []}', id FROM c`,
        [org.id, item, item2, `{${authors.join(',')}}`],
      );
    });
    const runs = await Promise.all([1, 2, 3, 4].map(() => deliverNotifications(db as Database, { batchSize: 7 })));
    expect(runs.reduce((sum, r) => sum + r.activities, 0)).toBe(400);
    expect(await pending(url)).toBe(0);
    const rows = await allNotifications(url);
    // One row per (person, item); every comment counted once for each watcher but its author.
    expect(rows).toHaveLength(10);
    expect(rows.reduce((sum, n) => sum + n.event_count, 0)).toBe(400 * 4);
  });
});
