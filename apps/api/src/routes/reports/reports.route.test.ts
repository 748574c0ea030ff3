import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '@rytask/core';
import { createDatabase, rebuildDayTotals } from '@rytask/db';
import { addUser, createOrganization, type TestUser } from '../../../../../test/support/api';
import { withClient } from '../../../../../test/support/db';
import { startTestServer } from '../../../../../test/support/server';
import { deleteEntries, insertEntries, rollupAndRecomputed, setCalendar } from '../../../../../test/support/time-rows';
import { createItem, createProject, fails, ok } from '../../../../../test/support/work';
import { csvObjects } from './csv-parse.fixture';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const H = 3600;
type Org = Awaited<ReturnType<typeof createOrganization>>;

/** An organization on a calendar, with one project and an item per entry of `items`. */
async function setUp(timeZone = 'UTC', weekStart = 1, items: Record<string, Record<string, unknown>> = { a: {} }) {
  const org = await createOrganization(server.app, server.databaseUrl);
  await setCalendar(server.databaseUrl, org.id, timeZone, weekStart);
  const project = await createProject(org.admin);
  const made: Record<string, { id: string; key: string; title: string }> = {};
  for (const [name, fields] of Object.entries(items)) made[name] = await createItem(org.member, project.id, { title: `Item ${name}`, ...fields });
  const entry = (user: TestUser, item: string, startedAt: string, endedAt: string | null, classification: 'planned' | 'interruption' = 'planned', more: { note?: string } = {}) => ({
    organizationId: org.id, itemId: made[item]!.id, userId: user.id, startedAt, endedAt, classification, ...more,
  });
  return { org, project, items: made, entry };
}

const report = (user: TestUser, query: string) => ok(user, 'GET', `/api/v1/reports/time?${query}`);
const dayMap = (r: { byDay: { day: string; tracked: number }[] }) => Object.fromEntries(r.byDay.filter((d) => d.tracked).map((d) => [d.day, d.tracked]));
const weekMap = (r: { byWeek: { weekStart: string; tracked: number }[] }) => Object.fromEntries(r.byWeek.map((d) => [d.weekStart, d.tracked]));

async function expectRollupConsistent(org: Org) {
  const { stored, recomputed } = await rollupAndRecomputed(server.databaseUrl, org.id);
  expect(stored).toEqual(recomputed);
}

describe('the time report', () => {
  it('counts an entry crossing midnight in both days and lists every day and every week the range touches', async () => {
    const { org, entry } = await setUp('UTC', 1);
    await insertEntries(server.databaseUrl, [
      entry(org.member, 'a', '2026-11-29T22:00:00Z', '2026-11-30T02:00:00Z'),
      entry(org.admin, 'a', '2026-12-01T09:00:00Z', '2026-12-01T09:30:15Z', 'interruption'),
    ]);
    const r = await report(org.viewer, 'from=2026-11-25&to=2026-12-02');
    expect(r).toMatchObject({ from: '2026-11-25', to: '2026-12-02', timeZone: 'UTC', weekStart: 1 });
    expect(r.byDay.map((d: { day: string }) => d.day)).toEqual(['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
    expect(dayMap(r)).toEqual({ '2026-11-29': 2 * H, '2026-11-30': 2 * H, '2026-12-01': 1815 });
    // The first week starts before `from` and is labelled by the day it starts on; it counts only days inside.
    expect(weekMap(r)).toEqual({ '2026-11-23': 2 * H, '2026-11-30': 2 * H + 1815 });
    expect(r.totals).toEqual({ planned: 4 * H, interruption: 1815, tracked: 4 * H + 1815 });
    expect(r.byPerson.map((p: { person: { id: string }; tracked: number }) => [p.person.id, p.tracked])).toEqual([[org.member.id, 4 * H], [org.admin.id, 1815]]);
    expect(r.byProject).toHaveLength(1);
    expect(r.byProject[0]).toMatchObject({ planned: 4 * H, interruption: 1815, tracked: 4 * H + 1815 });
    await expectRollupConsistent(org);
  });

  it('gets Europe/Berlin’s DST weeks right: a 23-hour and a 25-hour day, entries across the switch night', async () => {
    const { org, entry } = await setUp('Europe/Berlin', 1);
    await insertEntries(server.databaseUrl, [
      // Spring forward, Sunday 29 March 2026 (02:00 CET → 03:00 CEST): the whole day, 00:00 to 00:00, is 23 h.
      entry(org.owner, 'a', '2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z'),
      // Saturday 22:00 CET to Sunday 04:00 CEST: 5 h, 2 h on Saturday and 3 h on Sunday.
      entry(org.member, 'a', '2026-03-28T21:00:00Z', '2026-03-29T02:00:00Z', 'interruption'),
      // Fall back, Sunday 25 October 2026 (03:00 CEST → 02:00 CET): the whole day is 25 h, in two entries.
      entry(org.owner, 'a', '2026-10-24T22:00:00Z', '2026-10-25T11:00:00Z'),
      entry(org.owner, 'a', '2026-10-25T11:00:00Z', '2026-10-25T23:00:00Z'),
      // 01:30 CEST to 02:30 CET across the switch: 2 h.
      entry(org.member, 'a', '2026-10-24T23:30:00Z', '2026-10-25T01:30:00Z', 'interruption'),
    ]);
    const spring = await report(org.member, 'from=2026-03-23&to=2026-04-05');
    expect(dayMap(spring)).toEqual({ '2026-03-28': 2 * H, '2026-03-29': 23 * H + 3 * H });
    expect(weekMap(spring)).toEqual({ '2026-03-23': 28 * H, '2026-03-30': 0 });
    expect(spring.totals).toEqual({ planned: 23 * H, interruption: 5 * H, tracked: 28 * H });
    const fall = await report(org.member, 'from=2026-10-19&to=2026-10-26');
    expect(dayMap(fall)).toEqual({ '2026-10-25': 25 * H + 2 * H });
    expect(weekMap(fall)).toEqual({ '2026-10-19': 27 * H, '2026-10-26': 0 });
    expect(fall.totals).toEqual({ planned: 25 * H, interruption: 2 * H, tracked: 27 * H });
    await expectRollupConsistent(org);
  });

  it('gets America/New_York’s DST weeks right with weeks starting on Sunday', async () => {
    const { org, entry } = await setUp('America/New_York', 0);
    await insertEntries(server.databaseUrl, [
      // Sunday 8 March 2026, 02:00 EST → 03:00 EDT: midnight is 05:00Z, the next one 04:00Z — 23 h.
      entry(org.owner, 'a', '2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z'),
      // Saturday 23:00 EST to Sunday 04:00 EDT: 1 h on Saturday (the week before), 3 h on Sunday.
      entry(org.member, 'a', '2026-03-08T04:00:00Z', '2026-03-08T08:00:00Z', 'interruption'),
      // Sunday 1 November 2026, 02:00 EDT → 01:00 EST: midnight is 04:00Z, the next one 05:00Z — 25 h.
      entry(org.owner, 'a', '2026-11-01T04:00:00Z', '2026-11-01T16:00:00Z'),
      entry(org.owner, 'a', '2026-11-01T16:00:00Z', '2026-11-02T05:00:00Z'),
      // 00:30 EDT to 01:30 EST across the switch: 2 h; and 23:00 EST Sunday to 01:00 Monday: 1 h each day.
      entry(org.member, 'a', '2026-11-01T04:30:00Z', '2026-11-01T06:30:00Z', 'interruption'),
      entry(org.member, 'a', '2026-11-02T04:00:00Z', '2026-11-02T06:00:00Z'),
    ]);
    const spring = await report(org.member, 'from=2026-03-07&to=2026-03-14');
    expect(dayMap(spring)).toEqual({ '2026-03-07': H, '2026-03-08': 26 * H });
    expect(weekMap(spring)).toEqual({ '2026-03-01': H, '2026-03-08': 26 * H });
    const fall = await report(org.member, 'from=2026-11-01&to=2026-11-07');
    expect(dayMap(fall)).toEqual({ '2026-11-01': 25 * H + 2 * H + H, '2026-11-02': H });
    expect(weekMap(fall)).toEqual({ '2026-11-01': 29 * H });
    expect(fall.totals).toEqual({ planned: 27 * H, interruption: 2 * H, tracked: 29 * H });
    await expectRollupConsistent(org);
  });

  it('leaves out items in the trash (and counts them again after restore), deleted entries and running timers', async () => {
    const { org, items, entry } = await setUp('UTC', 1, { kept: {}, trashed: {} });
    const [, , toDelete] = await insertEntries(server.databaseUrl, [
      entry(org.member, 'kept', '2026-05-04T09:00:00Z', '2026-05-04T10:00:00Z'),
      entry(org.member, 'trashed', '2026-05-04T10:00:00Z', '2026-05-04T12:00:00Z', 'interruption'),
      entry(org.admin, 'kept', '2026-05-05T09:00:00Z', '2026-05-05T09:45:00Z'),
      entry(org.admin, 'kept', '2026-05-05T10:00:00Z', null),
    ]);
    const query = 'from=2026-05-01&to=2026-05-31';
    expect((await report(org.member, query)).totals).toEqual({ planned: 105 * 60, interruption: 2 * H, tracked: 2 * H + 105 * 60 });
    await deleteEntries(server.databaseUrl, [toDelete!]);
    await expectRollupConsistent(org);
    expect((await report(org.member, query)).totals).toEqual({ planned: H, interruption: 2 * H, tracked: 3 * H });

    await ok(org.member, 'DELETE', `/api/v1/items/${items.trashed!.id}`);
    const trashed = await report(org.member, query);
    expect(trashed.totals).toEqual({ planned: H, interruption: 0, tracked: H });
    expect((await ok(org.member, 'GET', `/api/v1/reports/interruptions?${query}`)).rows).toEqual([]);
    expect(csvObjects((await org.member.request('GET', `/api/v1/reports/time.csv?table=entries&${query}`)).body.slice(1))).toHaveLength(1);
    await ok(org.member, 'POST', `/api/v1/items/${items.trashed!.id}/restore`);
    expect((await report(org.member, query)).totals).toEqual({ planned: H, interruption: 2 * H, tracked: 3 * H });
  });

  it('filters by project and by person, and answers 404 for another organization’s ids', async () => {
    const { org, project, entry } = await setUp('UTC', 1);
    const other = await setUp('UTC', 1);
    const second = await createProject(org.admin);
    const elsewhere = await createItem(org.member, second.id, { title: 'Elsewhere' });
    await insertEntries(server.databaseUrl, [
      entry(org.member, 'a', '2026-06-01T09:00:00Z', '2026-06-01T10:00:00Z'),
      entry(org.admin, 'a', '2026-06-01T09:00:00Z', '2026-06-01T11:00:00Z'),
      { ...entry(org.member, 'a', '2026-06-02T09:00:00Z', '2026-06-02T13:00:00Z'), itemId: elsewhere.id },
      other.entry(other.org.member, 'a', '2026-06-01T09:00:00Z', '2026-06-01T17:00:00Z'),
    ]);
    const range = 'from=2026-06-01&to=2026-06-30';
    expect((await report(org.viewer, range)).totals.tracked).toBe(7 * H);
    expect((await report(org.viewer, `${range}&projectId=${project.id}`)).totals.tracked).toBe(3 * H);
    expect((await report(org.viewer, `${range}&userId=${org.member.id}`)).totals.tracked).toBe(5 * H);
    const both = await report(org.viewer, `${range}&userId=${org.member.id}&projectId=${second.id}`);
    expect(both.totals.tracked).toBe(4 * H);
    expect(both.byProject.map((p: { project: { key: string } }) => p.project.key)).toEqual([second.key]);
    // Another organization's project or person: 404, never their data.
    for (const path of ['time', 'interruptions', 'time.csv']) {
      const table = path === 'time.csv' ? '&table=entries' : '';
      await fails(org.viewer, 'GET', `/api/v1/reports/${path}?${range}${table}&projectId=${other.project.id}`, undefined, 404, 'not_found');
      await fails(org.viewer, 'GET', `/api/v1/reports/${path}?${range}${table}&userId=${other.org.member.id}`, undefined, 404, 'not_found');
    }
    await fails(org.viewer, 'GET', `/api/v1/reports/my-week?userId=${other.org.member.id}`, undefined, 404, 'not_found');
    expect((await report(other.org.viewer, range)).totals.tracked).toBe(8 * H);
  });

  it('checks the range: from ≤ to, at most 366 days, real dates — naming the field', async () => {
    const { org } = await setUp();
    expect((await fails(org.viewer, 'GET', '/api/v1/reports/time?from=2026-02-02&to=2026-02-01', undefined, 400, 'validation_failed')).field).toBe('to');
    expect((await fails(org.viewer, 'GET', '/api/v1/reports/time?from=2026-01-01&to=2027-01-02', undefined, 400, 'validation_failed')).field).toBe('to');
    expect((await fails(org.viewer, 'GET', '/api/v1/reports/interruptions?from=2026-01-01&to=2027-01-02', undefined, 400, 'validation_failed')).field).toBe('to');
    expect((await fails(org.viewer, 'GET', '/api/v1/reports/time.csv?table=days&from=2026-01-01&to=2027-01-02', undefined, 400, 'validation_failed')).field).toBe('to');
    expect((await fails(org.viewer, 'GET', '/api/v1/reports/time?from=2026-02-30&to=2026-03-01', undefined, 400, 'validation_failed')).field).toBe('querystring.from');
    expect((await fails(org.viewer, 'GET', '/api/v1/reports/time?from=2026-01-01', undefined, 400, 'validation_failed')).field).toBe('querystring.to');
    expect((await fails(org.viewer, 'GET', '/api/v1/reports/time.csv?table=nope&from=2026-01-01&to=2026-01-02', undefined, 400, 'validation_failed')).field).toBe('querystring.table');
    // 366 days (a leap year) is allowed; a single day too.
    expect((await report(org.viewer, 'from=2028-01-01&to=2028-12-31')).byDay).toHaveLength(366);
    expect((await report(org.viewer, 'from=2026-01-01&to=2026-01-01')).byWeek).toEqual([{ weekStart: '2025-12-29', planned: 0, interruption: 0, tracked: 0 }]);
  });

  it('lets every role read every report, and nobody without signing in', async () => {
    const { org } = await setUp();
    for (const user of [org.owner, org.admin, org.member, org.viewer]) {
      for (const path of ['time?from=2026-01-01&to=2026-01-31', 'interruptions?from=2026-01-01&to=2026-01-31', 'my-week', 'time.csv?table=entries&from=2026-01-01&to=2026-01-31']) {
        expect((await user.request('GET', `/api/v1/reports/${path}`)).statusCode, `${user.role} ${path}`).toBe(200);
      }
    }
    const anonymous = await server.app.inject({ method: 'GET', url: '/api/v1/reports/time?from=2026-01-01&to=2026-01-31' });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('the interruption ledger', () => {
  it('lists interrupting items biggest first with who raised them, source, priority and how many people', async () => {
    const { org, items, entry } = await setUp('UTC', 1, { outage: { priority: 'urgent' }, question: { priority: 'high' }, plan: {} });
    await insertEntries(server.databaseUrl, [
      entry(org.member, 'outage', '2026-07-01T09:00:00Z', '2026-07-01T10:00:00Z', 'interruption'),
      entry(org.admin, 'outage', '2026-07-01T09:00:00Z', '2026-07-01T10:30:00Z', 'interruption'),
      entry(org.admin, 'outage', '2026-07-02T09:00:00Z', '2026-07-02T10:00:00Z', 'planned'),
      entry(org.member, 'question', '2026-07-02T09:00:00Z', '2026-07-02T12:00:00Z', 'interruption'),
      entry(org.member, 'plan', '2026-07-03T09:00:00Z', '2026-07-03T17:00:00Z'),
    ]);
    const ledger = await ok(org.viewer, 'GET', '/api/v1/reports/interruptions?from=2026-07-01&to=2026-07-31');
    const raisedBy = { id: org.member.id, name: org.member.name, handle: org.member.handle };
    expect(ledger).toEqual({
      from: '2026-07-01',
      to: '2026-07-31',
      rows: [
        { item: { id: items.question!.id, key: items.question!.key, title: 'Item question', projectId: expect.any(String) }, raisedBy, source: 'web', priority: 'high', seconds: 3 * H, trackedSeconds: 3 * H, people: 1 },
        { item: { id: items.outage!.id, key: items.outage!.key, title: 'Item outage', projectId: expect.any(String) }, raisedBy, source: 'web', priority: 'urgent', seconds: 2.5 * H, trackedSeconds: 3.5 * H, people: 2 },
      ],
      totalSeconds: 5.5 * H,
    });
    expect((await report(org.viewer, 'from=2026-07-01&to=2026-07-31')).totals.interruption).toBe(ledger.totalSeconds);
  });
});

describe('my week', () => {
  it('shows one person’s week day by day with items and a text summary to paste', async () => {
    const { org, items, entry } = await setUp('Europe/Berlin', 1, { login: { title: 'Fix login, again' }, outage: { title: 'Outage', priority: 'urgent' } });
    await insertEntries(server.databaseUrl, [
      // Monday 23 November 2026, Berlin (UTC+1).
      entry(org.member, 'login', '2026-11-23T08:00:00Z', '2026-11-23T10:00:00Z'),
      entry(org.member, 'outage', '2026-11-23T10:00:00Z', '2026-11-23T14:10:00Z', 'interruption'),
      // Wednesday 23:00 to Thursday 01:00 local: one hour each day.
      entry(org.member, 'login', '2026-11-25T22:00:00Z', '2026-11-26T00:00:00Z'),
      entry(org.member, 'login', '2026-11-26T09:00:00Z', '2026-11-26T09:20:00Z', 'interruption'),
      // Someone else's time, and the member's the week after.
      entry(org.admin, 'login', '2026-11-24T08:00:00Z', '2026-11-24T10:00:00Z'),
      entry(org.member, 'login', '2026-11-30T08:00:00Z', '2026-11-30T10:00:00Z'),
    ]);
    const week = await ok(org.member, 'GET', '/api/v1/reports/my-week?day=2026-11-27');
    expect(week.person).toEqual({ id: org.member.id, name: org.member.name, handle: org.member.handle });
    expect(week.weekStart).toBe('2026-11-23');
    expect(week.days.map((d: { day: string; tracked: number }) => [d.day, d.tracked])).toEqual([
      ['2026-11-23', 6 * H + 600], ['2026-11-24', 0], ['2026-11-25', H], ['2026-11-26', H + 1200], ['2026-11-27', 0], ['2026-11-28', 0], ['2026-11-29', 0],
    ]);
    expect(week.days[0].items.map((i: { item: { key: string }; planned: number; interruption: number }) => [i.item.key, i.planned, i.interruption])).toEqual([
      [items.outage!.key, 0, 4 * H + 600], [items.login!.key, 2 * H, 0],
    ]);
    expect(week.totals).toEqual({ planned: 4 * H, interruption: 4 * H + 1800, tracked: 8 * H + 1800 });
    expect(week.text).toBe([
      'Week of Mon 23 Nov 2026 — 8h 30m tracked (4h planned, 4h 30m interruption)',
      `Mon 23 Nov — 6h 10m: ${items.outage!.key} Outage 4h 10m (interruption); ${items.login!.key} Fix login, again 2h`,
      'Tue 24 Nov — nothing tracked',
      `Wed 25 Nov — 1h: ${items.login!.key} Fix login, again 1h`,
      `Thu 26 Nov — 1h 20m: ${items.login!.key} Fix login, again 1h 20m (20m interruption)`,
      'Fri 27 Nov — nothing tracked',
      'Sat 28 Nov — nothing tracked',
      'Sun 29 Nov — nothing tracked',
    ].join('\n'));
    // Someone else's week, read by a viewer.
    const admins = await ok(org.viewer, 'GET', `/api/v1/reports/my-week?day=2026-11-23&userId=${org.admin.id}`);
    expect(admins.totals.tracked).toBe(2 * H);
  });

  it('defaults to the caller and the week holding today in the organization’s time zone', async () => {
    const { org } = await setUp('Pacific/Kiritimati', 3);
    const week = await ok(org.viewer, 'GET', '/api/v1/reports/my-week');
    expect(week.person.id).toBe(org.viewer.id);
    const today = todayIn('Pacific/Kiritimati');
    const days = week.days.map((d: { day: string }) => d.day);
    expect(days).toHaveLength(7);
    expect(days).toContain(today);
    expect(new Date(`${week.weekStart}T00:00:00Z`).getUTCDay()).toBe(3);
    expect(week.text).toMatch(/^Week of Wed \d+ \w{3} \d{4} — 0m tracked \(0m planned, 0m interruption\)\n/);
  });
});

describe('CSV downloads', () => {
  it('streams entries as RFC 4180 CSV with a BOM, CRLF, quoting, formula guards and unicode, one row per local day', async () => {
    const { org, items, entry } = await setUp('Europe/Berlin', 1, { tricky: { title: '=HYPERLINK("http://evil"), "quoted"' } });
    const person = await addUser(server.app, server.databaseUrl, org.id, 'MEMBER', { name: 'Zoë Ångström, Jr.', handle: 'zoe' });
    await insertEntries(server.databaseUrl, [
      entry(person, 'tricky', '2026-03-28T22:30:00Z', '2026-03-29T01:00:00Z', 'interruption', { note: 'line one\nline two, with "quotes"' }),
      entry(person, 'tricky', '2026-03-30T08:00:00Z', '2026-03-30T08:00:07Z', 'planned', { note: '+1 for 😀' }),
      entry(person, 'tricky', '2026-03-30T09:00:00Z', '2026-03-30T10:00:00Z', 'planned', { note: '@here -2 \ttabbed' }),
    ]);
    const response = await org.viewer.request('GET', '/api/v1/reports/time.csv?table=entries&from=2026-03-28&to=2026-03-31');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="rytask-entries-2026-03-28-2026-03-31.csv"');
    const raw = Buffer.from(response.body, 'utf8');
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = raw.toString('utf8').slice(1);
    expect(text.replaceAll('\r\n', '').replace(/"[^"]*(?:""[^"]*)*"/g, '')).not.toMatch(/[\r\n]/);
    const rows = csvObjects(text);
    const title = `'=HYPERLINK("http://evil"), "quoted"`;
    expect(rows).toEqual([
      { date: '2026-03-28', person: 'Zoë Ångström, Jr.', handle: 'zoe', project: expect.any(String), item: items.tricky!.key, item_title: title, class: 'interruption',
        seconds: '1800', hours: '0.5', started_at: '2026-03-28T23:30:00+01:00', ended_at: '2026-03-29T03:00:00+02:00', kind: 'manual', note: 'line one\nline two, with "quotes"' },
      { date: '2026-03-29', person: 'Zoë Ångström, Jr.', handle: 'zoe', project: expect.any(String), item: items.tricky!.key, item_title: title, class: 'interruption',
        seconds: '7200', hours: '2', started_at: '2026-03-28T23:30:00+01:00', ended_at: '2026-03-29T03:00:00+02:00', kind: 'manual', note: 'line one\nline two, with "quotes"' },
      expect.objectContaining({ date: '2026-03-30', seconds: '7', hours: '0', note: "'+1 for 😀", started_at: '2026-03-30T10:00:00+02:00' }),
      expect.objectContaining({ date: '2026-03-30', seconds: '3600', hours: '1', note: "'@here -2 \ttabbed" }),
    ]);
    expect(text.split('\r\n')[0]).toBe('date,person,handle,project,item,item_title,class,seconds,hours,started_at,ended_at,kind,note');
    // The raw file quotes exactly where RFC 4180 asks.
    expect(text).toContain(`"'=HYPERLINK(""http://evil""), ""quoted"""`);
    expect(text).toContain('"Zoë Ångström, Jr."');
  });

  it('pages through thousands of entries (equal start times included) without losing or repeating one', async () => {
    const { org, items } = await setUp('UTC', 1);
    await withClient(server.databaseUrl, (client) =>
      client.query(
        `INSERT INTO time_entries (organization_id, item_id, user_id, started_at, ended_at, classification, kind, note)
         SELECT $1, $2, $3, timestamptz '2026-08-01 00:00:00Z' + (g / 3) * interval '20 minutes',
                timestamptz '2026-08-01 00:00:00Z' + (g / 3) * interval '20 minutes' + (60 + g % 600) * interval '1 second',
                (CASE WHEN g % 4 = 0 THEN 'interruption' ELSE 'planned' END)::time_class, 'manual', 'entry ' || g
           FROM generate_series(1, 4500) g`,
        [org.id, items.a!.id, org.member.id],
      ),
    );
    await server.changesSeen();
    const handle = createDatabase(server.databaseUrl, { max: 1 });
    await rebuildDayTotals(handle.db, org.id);
    await handle.close();
    const query = 'from=2026-08-01&to=2026-09-30';
    const totals = (await report(org.viewer, query)).totals;
    const rows = csvObjects((await org.viewer.request('GET', `/api/v1/reports/time.csv?table=entries&${query}`)).body.slice(1));
    expect(rows).toHaveLength(4500);
    expect(new Set(rows.map((r) => r.note)).size).toBe(4500);
    expect(rows.reduce((sum, r) => sum + Number(r.seconds), 0)).toBe(totals.tracked);
  });

  it('has one file per report table with planned, interruption and tracked seconds adding up to the totals', async () => {
    const { org, entry } = await setUp('America/New_York', 0, { a: {}, b: { priority: 'urgent' } });
    await insertEntries(server.databaseUrl, [
      entry(org.member, 'a', '2026-10-31T22:00:00Z', '2026-11-01T08:00:00Z'),
      entry(org.admin, 'b', '2026-11-03T09:00:00Z', '2026-11-03T10:10:10Z', 'interruption'),
    ]);
    const query = 'from=2026-10-20&to=2026-11-10';
    const { totals } = await report(org.viewer, query);
    for (const [table, key] of [['projects', 'project'], ['people', 'person'], ['weeks', 'week_start'], ['days', 'date']] as const) {
      const response = await org.viewer.request('GET', `/api/v1/reports/time.csv?table=${table}&${query}`);
      expect(response.headers['content-disposition']).toBe(`attachment; filename="rytask-${table}-2026-10-20-2026-11-10.csv"`);
      const rows = csvObjects(response.body.slice(1));
      expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining([key, 'planned_seconds', 'interruption_seconds', 'tracked_seconds']));
      const sum = (column: string) => rows.reduce((s, r) => s + Number(r[column]), 0);
      expect({ planned: sum('planned_seconds'), interruption: sum('interruption_seconds'), tracked: sum('tracked_seconds') }, table).toEqual(totals);
    }
    const ledger = csvObjects((await org.viewer.request('GET', `/api/v1/reports/time.csv?table=interruptions&${query}`)).body.slice(1));
    expect(ledger).toEqual([expect.objectContaining({ priority: 'urgent', source: 'web', people: '1', planned_seconds: '0', interruption_seconds: '4210', tracked_seconds: '4210' })]);
  });
});
