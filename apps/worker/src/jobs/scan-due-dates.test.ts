// The morning due-date scan with a fixed clock: 08:00 local in each organization's time zone.
import { scanDueDates } from '@rytask/core';
import { createDatabase } from '@rytask/db';
import { describe, expect, it } from 'vitest';
import { useTestDatabases, withClient } from '../../../../test/support/db';
import { allNotifications, createOrganizationRows, createProjectWithItems } from '../../../../test/support/work-rows';
import { scanDueDatesJob } from './scan-due-dates.job';

const { database, cleanup } = useTestDatabases();

/** An organization in `timeZone` whose local "today" is `today`, with one item of each kind for Sam. */
async function organizationWithDueItems(url: string, timeZone: string, today: string) {
  const org = await createOrganizationRows(url, ['Sam', 'Lee'] as const, { timeZone });
  const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  const sam = org.people.Sam;
  const project = await createProjectWithItems(url, org.id, [
    { title: 'due tomorrow', assigneeId: sam, dueDate: day(1) },
    { title: 'overdue', assigneeId: sam, dueDate: day(-3) },
    { title: 'due today', assigneeId: sam, dueDate: day(0) },
    { title: 'due next week', assigneeId: sam, dueDate: day(7) },
    { title: 'done and overdue', assigneeId: sam, dueDate: day(-1), category: 'completed' },
    { title: 'cancelled and overdue', assigneeId: sam, dueDate: day(-1), category: 'cancelled' },
    { title: 'trashed and overdue', assigneeId: sam, dueDate: day(-1), trashed: true },
    { title: 'unassigned and overdue', dueDate: day(-1) },
    { title: 'started, due tomorrow', assigneeId: org.people.Lee, dueDate: day(1), category: 'started' },
  ]);
  const ids = Object.fromEntries(project.items.map((i) => [i.title, i.id]));
  return { org, ids };
}

async function setup() {
  const db = await database();
  const handle = createDatabase(db.url, { max: 2 });
  cleanup(() => handle.close());
  return { url: db.url, db: handle.db };
}

const kindsByItem = async (url: string, organizationItems: Record<string, string>) => {
  const byId = new Map(Object.entries(organizationItems).map(([title, id]) => [id, title]));
  return (await allNotifications(url))
    .filter((n) => byId.has(n.item_id))
    .map((n) => `${byId.get(n.item_id)}: ${n.kind}`)
    .sort();
};

describe('scan-due-dates', () => {
  it('at 08:00 local, tells assignees about open items due tomorrow and overdue — per time zone', async () => {
    const { url, db } = await setup();
    // 2026-03-09 19:30 UTC: 08:30 on March 10 in Auckland (UTC+13), 15:30 in New York, 19:30 in London.
    const now = new Date('2026-03-09T19:30:00Z');
    const auckland = await organizationWithDueItems(url, 'Pacific/Auckland', '2026-03-10');
    const newYork = await organizationWithDueItems(url, 'America/New_York', '2026-03-09');
    const kolkata = await organizationWithDueItems(url, 'Asia/Kolkata', '2026-03-10');

    expect(await scanDueDates(db, now)).toEqual({ notifications: 3 });
    expect(await kindsByItem(url, auckland.ids)).toEqual(['due tomorrow: due_soon', 'overdue: overdue', 'started, due tomorrow: due_soon']);
    expect(await kindsByItem(url, newYork.ids)).toEqual([]);

    // 02:45 UTC is 08:15 in Kolkata (UTC+5:30): its turn, and only its.
    expect(await scanDueDates(db, new Date('2026-03-10T02:45:00Z'))).toEqual({ notifications: 3 });
    expect(await kindsByItem(url, kolkata.ids)).toEqual(['due tomorrow: due_soon', 'overdue: overdue', 'started, due tomorrow: due_soon']);
    expect(await kindsByItem(url, newYork.ids)).toEqual([]);
  });

  it('does nothing when run twice in the same morning, and reminds again the next morning', async () => {
    const { url, db } = await setup();
    const { ids } = await organizationWithDueItems(url, 'Europe/Berlin', '2026-06-01');
    const morning = new Date('2026-06-01T06:05:00Z'); // 08:05 in Berlin (summer time)
    expect(await scanDueDates(db, morning)).toEqual({ notifications: 3 });
    const first = await allNotifications(url);
    expect(await scanDueDates(db, morning)).toEqual({ notifications: 0 });
    expect(await scanDueDates(db, new Date('2026-06-01T06:59:00Z'))).toEqual({ notifications: 0 });
    expect(await allNotifications(url)).toEqual(first);

    await withClient(url, (c) => c.query('UPDATE notifications SET read_at = now()'));
    // The next morning the overdue item is still overdue: its one notification comes back unread.
    expect(await scanDueDates(db, new Date('2026-06-02T06:05:00Z'))).toEqual({ notifications: 2 });
    const overdue = (await allNotifications(url)).filter((n) => n.item_id === ids['overdue']);
    expect(overdue).toMatchObject([{ kind: 'overdue', read_at: null, event_count: 1 }]);
    // "due tomorrow" is now due today: no new reminder, the old one stays read.
    expect((await allNotifications(url)).find((n) => n.item_id === ids['due tomorrow'])!.read_at).not.toBeNull();
  });

  it('skips deactivated assignees and organizations outside their 08:00 hour', async () => {
    const { url, db } = await setup();
    const { org, ids } = await organizationWithDueItems(url, 'UTC', '2026-01-15');
    await withClient(url, (c) => c.query('UPDATE memberships SET deactivated_at = now() WHERE user_id = $1', [org.people.Lee]));
    expect(await scanDueDates(db, new Date('2026-01-15T07:59:59Z'))).toEqual({ notifications: 0 });
    expect(await scanDueDates(db, new Date('2026-01-15T09:00:00Z'))).toEqual({ notifications: 0 });
    expect(await scanDueDates(db, new Date('2026-01-15T08:00:00Z'))).toEqual({ notifications: 2 });
    expect(await kindsByItem(url, ids)).toEqual(['due tomorrow: due_soon', 'overdue: overdue']);
  });

  it('runs for the hour cron scheduled it for, even when it starts late', async () => {
    const { url, db } = await setup();
    await organizationWithDueItems(url, 'UTC', '2026-01-15');
    const log = { info: () => undefined } as never;
    await scanDueDatesJob.run(scanDueDatesJob.payload.parse({ _cron: { ts: '2026-01-15T08:00:00.000Z', backfilled: true } }), { db, log });
    expect(await allNotifications(url)).toHaveLength(3);
  });
});
