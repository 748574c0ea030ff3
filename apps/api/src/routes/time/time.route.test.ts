import { startApi } from '@rytask/api';
import { createDatabase, recomputedDayTotals } from '@rytask/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createOrganization, type TestUser } from '../../../../../test/support/api';
import { withClient } from '../../../../../test/support/db';
import { startTestServer } from '../../../../../test/support/server';
import { createItem, createProject, fails, ok } from '../../../../../test/support/work';

let server: Awaited<ReturnType<typeof startTestServer>>;
let org: Awaited<ReturnType<typeof createOrganization>>;
let project: { id: string; statuses: { id: string }[] };

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganization(server.app, server.databaseUrl);
  project = await createProject(org.admin);
});
afterAll(() => server?.close());

const query = async (sql: string, params: unknown[] = []) => {
  const rows = await withClient(server.databaseUrl, async (c) => (await c.query(sql, params)).rows);
  await server.changesSeen();
  return rows;
};
const newItem = (fields: Record<string, unknown> = {}) => createItem(org.admin, project.id, fields);
/** A fresh member of the organization: each test's timers are its own. */
const newMember = () => addUser(server.app, server.databaseUrl, org.id, 'MEMBER');
const start = (user: TestUser, itemId: string, body: unknown = {}) => ok(user, 'POST', `/api/v1/items/${itemId}/timer`, body);
const stop = (user: TestUser, body: unknown = {}) => ok(user, 'POST', '/api/v1/timer/stop', body);
const log = (user: TestUser, itemId: string, body: unknown) => ok(user, 'POST', `/api/v1/items/${itemId}/time-entries`, body);
const itemTime = (user: TestUser, itemId: string) => ok(user, 'GET', `/api/v1/items/${itemId}/time-entries`);
const runningCount = async (userId: string) =>
  (await query('SELECT count(*)::int AS n FROM time_entries WHERE user_id = $1 AND ended_at IS NULL', [userId]))[0].n as number;
/** Moves an entry's start back, as if it had started `seconds` earlier. */
const backdate = (entryId: string, seconds: number) =>
  query(`UPDATE time_entries SET started_at = started_at - make_interval(secs => $2) WHERE id = $1`, [entryId, seconds]);

async function rollup(organizationId: string) {
  const rows = await query(
    `SELECT day::text AS day, user_id, item_id, classification::text AS classification, seconds::int AS seconds
       FROM time_day_totals WHERE organization_id = $1 ORDER BY 1, 2, 3, 4`,
    [organizationId],
  );
  return rows.map((r) => ({ day: r.day, userId: r.user_id, itemId: r.item_id, classification: r.classification, seconds: r.seconds }));
}

async function recomputed(organizationId: string) {
  const handle = createDatabase(server.databaseUrl, { max: 1 });
  try {
    return await recomputedDayTotals(handle.db, organizationId);
  } finally {
    await handle.close();
  }
}

describe('timers', () => {
  it('starts and stops: the running timer shows its time so far, and stopping logs it', async () => {
    const me = await newMember();
    const item = await newItem();
    expect(await ok(me, 'GET', '/api/v1/timer')).toEqual({ timer: null });
    const started = await start(me, item.id, { note: 'on it' });
    expect(started.stopped).toBeNull();
    expect(started.timer).toMatchObject({
      item: { id: item.id, key: item.key, title: item.title, projectId: project.id },
      person: { id: me.id, name: me.name, handle: me.handle },
      endedAt: null,
      classification: null,
      note: 'on it',
      kind: 'timer',
    });
    expect(new Date(started.timer.startedAt).getMilliseconds()).toBe(0);
    await backdate(started.timer.id, 90);
    const running = (await ok(me, 'GET', '/api/v1/timer')).timer;
    expect(running.id).toBe(started.timer.id);
    expect(running.seconds).toBeGreaterThanOrEqual(90);

    const { entry, capped } = await stop(me);
    expect(capped).toBe(false);
    expect(entry).toMatchObject({ id: started.timer.id, classification: 'planned', note: 'on it' });
    expect(entry.seconds).toBeGreaterThanOrEqual(90);
    expect(entry.seconds).toBe((Date.parse(entry.endedAt) - Date.parse(entry.startedAt)) / 1000);
    expect(await ok(me, 'GET', '/api/v1/timer')).toEqual({ timer: null });
    expect((await itemTime(me, item.id)).loggedSeconds).toBe(entry.seconds);
  });

  it('logs at least one second, even when stopped in the second it started', async () => {
    const me = await newMember();
    await start(me, (await newItem()).id);
    const { entry } = await stop(me);
    expect(entry.seconds).toBeGreaterThanOrEqual(1);
  });

  it('starts and stops without a request body too', async () => {
    const me = await newMember();
    const item = await newItem();
    const started = await me.request('POST', `/api/v1/items/${item.id}/timer`);
    expect(started.statusCode, started.body).toBe(201);
    const stopped = await me.request('POST', '/api/v1/timer/stop');
    expect(stopped.statusCode, stopped.body).toBe(200);
    expect(stopped.json().entry.id).toBe(started.json().timer.id);
  });

  it('answers 409 no_running_timer to a stop without a running timer', async () => {
    const me = await newMember();
    const error = await fails(me, 'POST', '/api/v1/timer/stop', {}, 409, 'no_running_timer');
    expect(error.message).toMatch(/no running timer/i);
  });

  it('stops and logs the running timer when another starts, in one step', async () => {
    const me = await newMember();
    const [first, second] = [await newItem(), await newItem({ priority: 'urgent' })];
    const a = await start(me, first.id);
    await backdate(a.timer.id, 600);
    const b = await start(me, second.id);
    expect(b.stopped).toMatchObject({ id: a.timer.id, classification: 'planned' });
    expect(b.stopped.seconds).toBeGreaterThanOrEqual(600);
    expect(b.timer).toMatchObject({ item: { id: second.id }, endedAt: null });
    // The new timer never starts before the stopped one ended.
    expect(Date.parse(b.timer.startedAt)).toBeGreaterThanOrEqual(Date.parse(b.stopped.endedAt));
    expect(await runningCount(me.id)).toBe(1);
    expect((await itemTime(me, first.id)).loggedSeconds).toBe(b.stopped.seconds);
    // Its class came from its own item, not the new one: the urgent one is an interruption.
    await backdate(b.timer.id, 60);
    expect((await stop(me)).entry.classification).toBe('interruption');
  });

  it('answers the running timer unchanged when it is started again on the same item', async () => {
    const me = await newMember();
    const item = await newItem();
    const first = await start(me, item.id, { note: 'first' });
    const again = await start(me, item.id, { note: 'second' });
    expect(again.stopped).toBeNull();
    expect(again.timer).toMatchObject({ id: first.timer.id, startedAt: first.timer.startedAt, note: 'first' });
    expect((await itemTime(me, item.id)).entries).toHaveLength(1);
  });

  it('leaves exactly one running timer, and no error, when one person starts two at once', async () => {
    const me = await newMember();
    for (let round = 0; round < 20; round++) {
      const [x, y] = [await newItem(), await newItem()];
      const responses = await Promise.all([x, y].map((item) => me.request('POST', `/api/v1/items/${item.id}/timer`, {})));
      expect(responses.map((r) => r.statusCode), responses.map((r) => r.body).join('\n')).toEqual([201, 201]);
      expect(await runningCount(me.id)).toBe(1);
    }
    // Every timer but the last was stopped and logged, none lost.
    expect((await query('SELECT count(*)::int AS n FROM time_entries WHERE user_id = $1', [me.id]))[0].n).toBe(40);
  });

  it('survives a restart: a timer started on one server is still running on the next, and stops from its start', async () => {
    const me = await newMember();
    const item = await newItem();
    const boot = () =>
      startApi({ databaseUrl: server.databaseUrl, host: '127.0.0.1', port: 0, publicUrl: 'http://127.0.0.1', logLevel: 'silent', appVersion: 'test' });
    const as = (api: Awaited<ReturnType<typeof boot>>, method: string, url: string) =>
      api.app.inject({ method: method as 'GET', url, headers: { cookie: me.cookie, 'x-rytask-csrf': '1', 'content-type': 'application/json' }, ...(method === 'GET' ? {} : { payload: {} }) });

    const before = await boot();
    const started = (await as(before, 'POST', `/api/v1/items/${item.id}/timer`)).json().timer;
    await before.close();
    await backdate(started.id, 3600);

    const after = await boot();
    try {
      const running = (await as(after, 'GET', '/api/v1/timer')).json().timer;
      expect(running).toMatchObject({ id: started.id, endedAt: null });
      expect(running.seconds).toBeGreaterThanOrEqual(3600);
      const stopped = (await as(after, 'POST', '/api/v1/timer/stop')).json().entry;
      expect(stopped.startedAt).toBe(new Date(Date.parse(started.startedAt) - 3600_000).toISOString());
      expect(stopped.seconds).toBeGreaterThanOrEqual(3600);
    } finally {
      await after.close();
    }
  });

  it('stops and logs a member’s running timer when they are made a viewer or deactivated, and only here', async () => {
    for (const leave of [
      (who: TestUser) => ok(org.admin, 'PATCH', `/api/v1/members/${who.id}`, { role: 'VIEWER' }),
      (who: TestUser) => ok(org.admin, 'POST', `/api/v1/members/${who.id}/deactivate`),
    ]) {
      const me = await newMember();
      const item = await newItem({ priority: 'urgent' });
      const { timer } = await start(me, item.id);
      await backdate(timer.id, 120);
      await leave(me);
      expect(await runningCount(me.id)).toBe(0);
      const [entry] = (await itemTime(org.admin, item.id)).entries;
      expect(entry).toMatchObject({ id: timer.id, classification: 'interruption' });
      expect(entry.seconds).toBeGreaterThanOrEqual(120);
      expect(await rollup(org.id)).toEqual(await recomputed(org.id));
    }
    // A timer in another organization of the same person is theirs to stop there.
    const elsewhere = await createOrganization(server.app, server.databaseUrl);
    const other = await createProject(elsewhere.admin);
    const item = await createItem(elsewhere.admin, other.id);
    const { timer } = await start(elsewhere.member, item.id);
    await withClient(server.databaseUrl, (c) =>
      c.query(`INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, 'MEMBER')`, [org.id, elsewhere.member.id]),
    );
    await ok(org.admin, 'PATCH', `/api/v1/members/${elsewhere.member.id}`, { role: 'VIEWER' });
    expect((await ok(elsewhere.member, 'GET', '/api/v1/timer')).timer).toMatchObject({ id: timer.id, endedAt: null });
  });

  it('logs a timer that ran more than 24 h as exactly 24 h, capped', async () => {
    const me = await newMember();
    const { timer } = await start(me, (await newItem()).id);
    await backdate(timer.id, 30 * 3600);
    const { entry, capped } = await stop(me);
    expect(capped).toBe(true);
    expect(entry.seconds).toBe(24 * 3600);
    expect(Date.parse(entry.endedAt) - Date.parse(entry.startedAt)).toBe(24 * 3600 * 1000);
  });

  it('fixes the class when the timer stops: later priority changes never alter it', async () => {
    const me = await newMember();
    const item = await newItem({ priority: 'urgent' });
    await start(me, item.id);
    const { entry } = await stop(me);
    expect(entry.classification).toBe('interruption');
    await ok(org.admin, 'PATCH', `/api/v1/items/${item.id}`, { version: item.version, priority: 'low' });
    expect((await itemTime(me, item.id)).entries[0].classification).toBe('interruption');
    // The class given at stop wins over the default.
    await start(me, item.id);
    expect((await stop(me, { classification: 'interruption', note: 'pager' })).entry).toMatchObject({ classification: 'interruption', note: 'pager' });
    await start(me, item.id);
    expect((await stop(me, { classification: 'planned' })).entry.classification).toBe('planned');
  });

  it('refuses timers and entries on items in the trash', async () => {
    const me = await newMember();
    const item = await newItem();
    await ok(org.admin, 'DELETE', `/api/v1/items/${item.id}`);
    expect((await fails(me, 'POST', `/api/v1/items/${item.id}/timer`, {}, 409, 'conflict')).message).toMatch(/trash/);
    expect((await fails(me, 'POST', `/api/v1/items/${item.id}/time-entries`, { duration: '1h' }, 409, 'conflict')).message).toMatch(/trash/);
    expect(await runningCount(me.id)).toBe(0);
  });
});

describe('manual entries', () => {
  it('reads every duration form, placed at the local midnight of the date', async () => {
    await ok(org.admin, 'PATCH', '/api/v1/organization', { timeZone: 'Europe/Paris', workingMinutesPerDay: 420 });
    try {
      const me = await newMember();
      const item = await newItem();
      const cases: [string, number][] = [['1h30m', 5400], ['90m', 5400], ['1.5h', 5400], ['2h', 7200], ['45m', 2700], ['1h 15m', 4500], ['1d', 420 * 60]];
      for (const [duration, seconds] of cases) {
        const entry = await log(me, item.id, { duration, date: '2026-07-01' });
        expect(entry, duration).toMatchObject({ seconds, kind: 'manual', classification: 'planned', startedAt: '2026-06-30T22:00:00.000Z' });
      }
      // Without a date: today in the organization's time zone.
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
      const entry = await log(me, item.id, { duration: '30m' });
      const midnight = (await query(`SELECT ($1::date::timestamp AT TIME ZONE 'Europe/Paris') AS at`, [today]))[0].at as Date;
      expect(entry.startedAt).toBe(midnight.toISOString());
    } finally {
      await ok(org.admin, 'PATCH', '/api/v1/organization', { timeZone: 'UTC', workingMinutesPerDay: 480 });
    }
  });

  it('takes a start and an end, cut to whole seconds, and a chosen class and note', async () => {
    const me = await newMember();
    const item = await newItem({ priority: 'urgent' });
    const entry = await log(me, item.id, { startedAt: '2026-03-02T09:00:00.750Z', endedAt: '2026-03-02T10:15:30.999+00:00', note: 'call' });
    expect(entry).toMatchObject({ startedAt: '2026-03-02T09:00:00.000Z', endedAt: '2026-03-02T10:15:30.000Z', seconds: 4530, classification: 'interruption', note: 'call' });
    const chosen = await log(me, item.id, { duration: '10m', classification: 'planned' });
    expect(chosen.classification).toBe('planned');
  });

  it('accepts exactly 24 h and refuses anything longer', async () => {
    const me = await newMember();
    const item = await newItem();
    expect((await log(me, item.id, { duration: '24h' })).seconds).toBe(86400);
    expect((await log(me, item.id, { startedAt: '2026-03-02T00:00:00Z', endedAt: '2026-03-03T00:00:00Z' })).seconds).toBe(86400);
    expect((await fails(me, 'POST', `/api/v1/items/${item.id}/time-entries`, { duration: '24h1m' }, 400, 'validation_failed')).field).toBe('duration');
    expect((await fails(me, 'POST', `/api/v1/items/${item.id}/time-entries`, { duration: '25h' }, 400, 'validation_failed')).message).toMatch(/24 hours/);
    const tooLong = await fails(me, 'POST', `/api/v1/items/${item.id}/time-entries`, { startedAt: '2026-03-02T00:00:00Z', endedAt: '2026-03-03T00:00:01Z' }, 400, 'validation_failed');
    expect(tooLong.field).toBe('endedAt');
  });

  it('names the field at fault in plain words for every refusal', async () => {
    const me = await newMember();
    const item = await newItem();
    const refusals: [unknown, string, RegExp][] = [
      [{}, 'duration', /duration .* or a start and an end/],
      [{ duration: '1h', startedAt: '2026-03-02T09:00:00Z', endedAt: '2026-03-02T10:00:00Z' }, 'duration', /not both/],
      [{ duration: 'soon' }, 'duration', /not a duration/],
      [{ duration: '0m' }, 'duration', /more than 0/],
      [{ duration: '' }, 'duration', /not a duration/],
      [{ startedAt: '2026-03-02T09:00:00Z' }, 'endedAt', /end/],
      [{ endedAt: '2026-03-02T09:00:00Z' }, 'startedAt', /start/],
      [{ startedAt: 'yesterday', endedAt: '2026-03-02T09:00:00Z' }, 'startedAt', /not a time/],
      [{ startedAt: '2026-03-02T09:00:00', endedAt: '2026-03-02T10:00:00Z' }, 'startedAt', /time zone/],
      [{ startedAt: '2026-03-02T10:00:00Z', endedAt: '2026-03-02T10:00:00.500Z' }, 'endedAt', /after the start/],
      [{ startedAt: '2026-03-02T10:00:00Z', endedAt: '2026-03-02T09:00:00Z' }, 'endedAt', /after the start/],
      [{ date: '2026-03-02', startedAt: '2026-03-02T10:00:00Z', endedAt: '2026-03-02T11:00:00Z' }, 'date', /date goes with a duration/],
      [{ duration: '1h', date: '2026-02-30' }, 'date', /./],
      [{ duration: '1h', classification: 'lunch' }, 'classification', /./],
    ];
    for (const [body, field, message] of refusals) {
      const error = await fails(me, 'POST', `/api/v1/items/${item.id}/time-entries`, body, 400, 'validation_failed');
      expect({ field: error.field, message: error.message }, JSON.stringify(body)).toEqual({ field, message: expect.stringMatching(message) });
    }
    expect((await itemTime(me, item.id)).entries).toEqual([]);
  });

  it('lists an item’s entries newest first, the running timer included, and logs only finished ones', async () => {
    const [me, colleague] = [await newMember(), await newMember()];
    const item = await newItem();
    const old = await log(me, item.id, { duration: '1h', date: '2026-01-05' });
    const newer = await log(colleague, item.id, { duration: '30m', date: '2026-01-06' });
    const { timer } = await start(me, item.id);
    const time = await itemTime(org.viewer, item.id);
    expect(time.entries.map((e: { id: string }) => e.id)).toEqual([timer.id, newer.id, old.id]);
    expect(time.loggedSeconds).toBe(5400);
    await stop(me);
  });
});

describe('editing and deleting entries', () => {
  it('changes a finished entry’s duration, date, times, class and note', async () => {
    const me = await newMember();
    const item = await newItem();
    const entry = await log(me, item.id, { duration: '1h', date: '2026-04-01' });
    const url = `/api/v1/time-entries/${entry.id}`;
    expect(await ok(me, 'PATCH', url, { duration: '2h' })).toMatchObject({ startedAt: '2026-04-01T00:00:00.000Z', seconds: 7200 });
    expect(await ok(me, 'PATCH', url, { date: '2026-04-03' })).toMatchObject({ startedAt: '2026-04-03T00:00:00.000Z', seconds: 7200 });
    expect(await ok(me, 'PATCH', url, { endedAt: '2026-04-03T00:45:00Z' })).toMatchObject({ seconds: 2700 });
    expect(await ok(me, 'PATCH', url, { startedAt: '2026-04-02T23:45:00Z', endedAt: '2026-04-03T01:00:00Z' })).toMatchObject({ seconds: 4500 });
    expect(await ok(me, 'PATCH', url, { classification: 'interruption', note: 'was a fire' })).toMatchObject({
      classification: 'interruption', note: 'was a fire', kind: 'manual', seconds: 4500,
    });
    expect((await fails(me, 'PATCH', url, { startedAt: '2026-04-03T02:00:00Z' }, 400, 'validation_failed')).field).toBe('startedAt');
    expect((await fails(me, 'PATCH', url, { duration: '25h' }, 400, 'validation_failed')).field).toBe('duration');
  });

  it('lets a running timer change only its note', async () => {
    const me = await newMember();
    const { timer } = await start(me, (await newItem()).id);
    const url = `/api/v1/time-entries/${timer.id}`;
    expect(await ok(me, 'PATCH', url, { note: 'renamed' })).toMatchObject({ note: 'renamed', endedAt: null, classification: null });
    for (const [field, value] of [['duration', '1h'], ['classification', 'planned'], ['startedAt', '2026-01-01T00:00:00Z']] as const) {
      const error = await fails(me, 'PATCH', url, { [field]: value }, 400, 'validation_failed');
      expect(error.field).toBe(field);
      expect(error.message).toMatch(/only change its note/);
    }
    // Deleting a running timer discards it.
    await ok(me, 'DELETE', url);
    expect(await ok(me, 'GET', '/api/v1/timer')).toEqual({ timer: null });
  });

  it('lets the owner or an OWNER/ADMIN change and delete an entry, and nobody else', async () => {
    const [me, colleague] = [await newMember(), await newMember()];
    const item = await newItem();
    const entry = await log(me, item.id, { duration: '1h' });
    const url = `/api/v1/time-entries/${entry.id}`;
    expect((await fails(colleague, 'PATCH', url, { note: 'mine now' }, 403, 'forbidden')).message).toMatch(/Only the person who logged/);
    await fails(colleague, 'DELETE', url, undefined, 403, 'forbidden');
    await fails(org.viewer, 'PATCH', url, { note: 'x' }, 403, 'forbidden');
    expect((await ok(org.admin, 'PATCH', url, { note: 'by admin' })).note).toBe('by admin');
    expect((await ok(org.owner, 'PATCH', url, { note: 'by owner' })).note).toBe('by owner');
    expect((await ok(me, 'PATCH', url, { note: 'by me' })).note).toBe('by me');
    await ok(org.admin, 'DELETE', url);
    await fails(me, 'DELETE', url, undefined, 404, 'not_found');
  });

  it('removes a deleted entry from the item’s time and from the rollup', async () => {
    const me = await newMember();
    const item = await newItem();
    const keep = await log(me, item.id, { duration: '1h', date: '2026-05-04' });
    const gone = await log(me, item.id, { duration: '2h', date: '2026-05-04' });
    const rollupOfItem = async () => (await rollup(org.id)).filter((r) => r.itemId === item.id);
    expect(await rollupOfItem()).toEqual([{ day: '2026-05-04', userId: me.id, itemId: item.id, classification: 'planned', seconds: 10800 }]);
    await ok(me, 'DELETE', `/api/v1/time-entries/${gone.id}`);
    const time = await itemTime(me, item.id);
    expect(time.entries.map((e: { id: string }) => e.id)).toEqual([keep.id]);
    expect(time.loggedSeconds).toBe(3600);
    expect(await rollupOfItem()).toEqual([{ day: '2026-05-04', userId: me.id, itemId: item.id, classification: 'planned', seconds: 3600 }]);
    await ok(me, 'DELETE', `/api/v1/time-entries/${keep.id}`);
    expect(await rollupOfItem()).toEqual([]);
  });
});

describe('the report rollup', () => {
  it('equals a recomputation from the entries after a random run of creates, edits, deletes and timers', async () => {
    const other = await createOrganization(server.app, server.databaseUrl, 'Rollup');
    await ok(other.owner, 'PATCH', '/api/v1/organization', { timeZone: 'America/New_York' });
    const people = [other.member, other.admin, await addUser(server.app, server.databaseUrl, other.id, 'MEMBER')];
    const otherProject = await createProject(other.admin);
    const items = [];
    for (let i = 0; i < 4; i++) items.push(await createItem(other.admin, otherProject.id, { priority: i === 0 ? 'urgent' : 'none' }));
    // A small deterministic generator, so a failure can be replayed.
    let seed = 20260301;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const pick = <T>(list: T[]) => list[random(list.length)]!;
    const entries: { id: string; owner: TestUser }[] = [];
    // Around the DST change of 2026-03-08 in New York, crossing local midnights.
    const instant = () => new Date(Date.UTC(2026, 2, 6 + random(4), random(24), random(60), random(60))).toISOString();
    for (let step = 0; step < 60; step++) {
      const person = pick(people);
      const action = random(6);
      if (action === 0) {
        const from = instant();
        const to = new Date(Date.parse(from) + (1 + random(20 * 3600))* 1000).toISOString();
        entries.push({ id: (await log(person, pick(items).id, { startedAt: from, endedAt: to, classification: pick(['planned', 'interruption']) })).id, owner: person });
      } else if (action === 1) {
        entries.push({ id: (await log(person, pick(items).id, { duration: `${1 + random(600)}m`, date: `2026-03-0${6 + random(4)}` })).id, owner: person });
      } else if (action === 2 && entries.length > 0) {
        const entry = pick(entries);
        const edit = pick<Record<string, unknown>>([
          { duration: `${1 + random(20)}h` },
          { date: `2026-03-0${6 + random(4)}` },
          { startedAt: instant(), endedAt: new Date(Date.parse('2026-03-10T12:00:00Z') + random(3600) * 1000).toISOString() },
          { classification: pick(['planned', 'interruption']) },
        ]);
        const response = await entry.owner.request('PATCH', `/api/v1/time-entries/${entry.id}`, edit);
        // A start moved past the end (or a span above 24 h) is refused; nothing changes then.
        expect([200, 400], response.body).toContain(response.statusCode);
      } else if (action === 3 && entries.length > 0) {
        const entry = entries.splice(random(entries.length), 1)[0]!;
        await ok(entry.owner, 'DELETE', `/api/v1/time-entries/${entry.id}`);
      } else if (action === 4) {
        const { timer, stopped } = await start(person, pick(items).id);
        if (stopped) entries.push({ id: stopped.id, owner: person });
        await backdate(timer.id, random(40 * 3600));
      } else {
        const response = await person.request('POST', '/api/v1/timer/stop', {});
        if (response.statusCode === 200) entries.push({ id: response.json().entry.id, owner: person });
        else expect(response.json().error.code).toBe('no_running_timer');
      }
    }
    const totals = await rollup(other.id);
    expect(totals.length).toBeGreaterThan(5);
    expect(totals).toEqual(await recomputed(other.id));
    expect(totals.every((t) => t.seconds > 0)).toBe(true);
  });

  it('is rebuilt for the new local days when the organization’s time zone changes', async () => {
    const other = await createOrganization(server.app, server.databaseUrl, 'Zones');
    const otherProject = await createProject(other.admin);
    const item = await createItem(other.admin, otherProject.id);
    // 22:00–02:00 UTC: one day in Tokyo (07:00–11:00), two in UTC.
    await log(other.member, item.id, { startedAt: '2026-03-10T22:00:00Z', endedAt: '2026-03-11T02:00:00Z' });
    const days = async () => (await rollup(other.id)).map((r) => [r.day, r.seconds]);
    expect(await days()).toEqual([['2026-03-10', 7200], ['2026-03-11', 7200]]);
    await ok(other.admin, 'PATCH', '/api/v1/organization', { timeZone: 'Asia/Tokyo' });
    expect(await days()).toEqual([['2026-03-11', 14400]]);
    expect(await rollup(other.id)).toEqual(await recomputed(other.id));
  });

  it('stays equal to a recomputation when entries are written while the time zone changes', async () => {
    const other = await createOrganization(server.app, server.databaseUrl, 'Racing zones');
    const otherProject = await createProject(other.admin);
    const item = await createItem(other.admin, otherProject.id);
    // A race: a few rounds, so an unguarded interleaving (an entry split at the old zone's midnights
    // after the rebuild) shows up with near certainty.
    for (let round = 0; round < 5; round++) {
      const writes = Array.from({ length: 12 }, (_, i) =>
        log(i % 2 ? other.member : other.admin, item.id, { startedAt: `2026-03-1${round}T${String(10 + i).padStart(2, '0')}:30:00Z`, endedAt: `2026-03-1${round + 1}T03:00:00Z` }),
      );
      const zones = ['Asia/Tokyo', 'America/New_York', 'Europe/Berlin'].map((timeZone) => ok(other.owner, 'PATCH', '/api/v1/organization', { timeZone }));
      await Promise.all([...writes, ...zones]);
      expect(await rollup(other.id), `round ${round}`).toEqual(await recomputed(other.id));
    }
    expect((await rollup(other.id)).length).toBeGreaterThan(0);
  });
});

describe('logged time on items', () => {
  it('shows loggedSeconds (finished entries, everyone’s) in the list, the board, the item page, sub-tasks and search', async () => {
    const [me, colleague] = [await newMember(), await newMember()];
    const parent = await newItem({ title: 'Meter parent zebra' });
    const child = await newItem({ title: 'Meter child zebra', parentId: parent.id });
    await log(me, parent.id, { duration: '1h' });
    await log(colleague, parent.id, { duration: '30m' });
    await log(me, child.id, { duration: '15m' });
    await start(me, parent.id); // running: not logged yet

    const page = await ok(org.viewer, 'GET', `/api/v1/items/${parent.id}`);
    expect(page.loggedSeconds).toBe(5400);
    expect(page.subtasks.find((s: { id: string }) => s.id === child.id).loggedSeconds).toBe(900);
    const board = await ok(org.viewer, 'GET', `/api/v1/items?projectId=${project.id}&sort=board&limit=1000`);
    expect(board.items.find((i: { id: string }) => i.id === parent.id).loggedSeconds).toBe(5400);
    const list = await ok(org.viewer, 'GET', `/api/v1/items?projectId=${project.id}&sort=number&q=zebra`);
    expect(list.items.map((i: { loggedSeconds: number }) => i.loggedSeconds)).toEqual([5400, 900]);
    const found = await ok(org.viewer, 'GET', '/api/v1/search?q=meter%20zebra');
    expect(found.items.find((i: { id: string }) => i.id === child.id).loggedSeconds).toBe(900);
    const fresh = await ok(me, 'POST', '/api/v1/items/quick-add', { projectId: project.id, text: 'Fresh one ~1h' });
    expect(fresh.item.loggedSeconds).toBe(0);
    await stop(me);
  });
});
