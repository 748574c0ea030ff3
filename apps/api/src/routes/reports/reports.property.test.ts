// Property: for random entries around DST switches, in random time zones and week starts, with some
// entries deleted and an item sometimes in the trash —
//   - the rollup equals a recomputation from the entries;
//   - at every level of the report, planned + interruption = tracked;
//   - per day, week, project and person, each breakdown sums to the totals;
//   - each day holds exactly the seconds an independent split (Intl, in JavaScript) gives it;
//   - every CSV table's rows sum to the report's totals.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from '../../../../../test/support/api';
import { startTestServer } from '../../../../../test/support/server';
import { deleteEntries, insertEntries, rollupAndRecomputed, setCalendar } from '../../../../../test/support/time-rows';
import { createItem, createProject, ok } from '../../../../../test/support/work';
import { csvObjects } from './csv-parse.fixture';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
// Windows around 2026's DST switches (Lord Howe moves by 30 minutes, on 5 April and 4 October).
const ANCHORS = ['2026-03-05', '2026-03-26', '2026-04-02', '2026-10-01', '2026-10-22', '2026-10-29'];
const WINDOW_SECONDS = 10 * 86_400;

const formatters = new Map<string, Intl.DateTimeFormat>();
/** The local date of an instant in a zone, by Intl — independent of the SQL under test. */
function localDate(ms: number, zone: string): string {
  let f = formatters.get(zone);
  if (!f) formatters.set(zone, (f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return f.format(new Date(ms));
}

/** Seconds of [start, end) per local day: the day changes where a binary search over seconds finds it. */
function splitByLocalDay(startMs: number, endMs: number, zone: string, into: Map<string, number>): void {
  let from = startMs;
  while (from < endMs) {
    const day = localDate(from, zone);
    let lo = from / 1000;
    let hi = endMs / 1000;
    if (localDate(endMs - 1000, zone) === day) {
      lo = hi;
    } else {
      // Invariant: the second at `lo` is on `day`, the one at `hi` is not.
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (localDate(mid * 1000, zone) === day) lo = mid;
        else hi = mid;
      }
      lo = hi;
    }
    into.set(day, (into.get(day) ?? 0) + (lo * 1000 - from) / 1000);
    from = lo * 1000;
  }
}

const entryArb = fc.record({
  start: fc.integer({ min: 0, max: WINDOW_SECONDS }),
  seconds: fc.integer({ min: 1, max: 86_400 }),
  classification: fc.constantFrom('planned' as const, 'interruption' as const),
  person: fc.integer({ min: 0, max: 2 }),
  item: fc.integer({ min: 0, max: 2 }),
  deleted: fc.boolean(),
  running: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});

const caseArb = fc.record({
  zone: fc.constantFrom(...ZONES),
  weekStart: fc.integer({ min: 0, max: 6 }),
  anchor: fc.constantFrom(...ANCHORS),
  entries: fc.array(entryArb, { minLength: 1, maxLength: 20 }),
  fromShift: fc.integer({ min: -3, max: 8 }),
  days: fc.integer({ min: 1, max: 16 }),
  trashItem2: fc.boolean(),
});

type Split = { planned: number; interruption: number; tracked: number };
const sumOf = (rows: Split[]): Split => rows.reduce((s, r) => ({ planned: s.planned + r.planned, interruption: s.interruption + r.interruption, tracked: s.tracked + r.tracked }), { planned: 0, interruption: 0, tracked: 0 });
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('time reports (property)', () => {
  it('add up at every level, split days like Intl does, and match the rollup and every CSV table', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const org = await createOrganization(server.app, server.databaseUrl);
        await setCalendar(server.databaseUrl, org.id, c.zone, c.weekStart);
        const people = [org.owner, org.member, org.viewer];
        const project = await createProject(org.admin);
        const items: { id: string }[] = [];
        for (const n of [0, 1, 2]) items.push(await createItem(org.member, project.id, { title: `=item ${n}, "q"` }));
        // At most one running timer per person.
        const running = new Set<number>();
        const specs = c.entries.map((e) => {
          const startMs = Date.parse(`${c.anchor}T00:00:00Z`) + e.start * 1000;
          const isRunning = e.running && !running.has(e.person) && (running.add(e.person), true);
          return {
            spec: {
              organizationId: org.id, itemId: items[e.item]!.id, userId: people[e.person]!.id, classification: e.classification,
              startedAt: new Date(startMs).toISOString(), endedAt: isRunning ? null : new Date(startMs + e.seconds * 1000).toISOString(),
            },
            e: { ...e, startMs, running: isRunning },
          };
        });
        const ids = await insertEntries(server.databaseUrl, specs.map((s) => s.spec));
        await deleteEntries(server.databaseUrl, ids.filter((_, i) => specs[i]!.e.deleted));
        if (c.trashItem2) await ok(org.member, 'DELETE', `/api/v1/items/${items[2]!.id}`);

        const { stored, recomputed } = await rollupAndRecomputed(server.databaseUrl, org.id);
        expect(stored).toEqual(recomputed);

        const from = addDays(c.anchor, c.fromShift);
        const to = addDays(from, c.days - 1);
        const query = `from=${from}&to=${to}`;
        const report = await ok(org.viewer, 'GET', `/api/v1/reports/time?${query}`);
        const levels: Split[] = [report.totals, ...report.byDay, ...report.byWeek, ...report.byProject, ...report.byPerson];
        for (const s of levels) expect(s.planned + s.interruption).toBe(s.tracked);
        for (const rows of [report.byDay, report.byWeek, report.byProject, report.byPerson]) expect(sumOf(rows)).toEqual(report.totals);
        for (const w of report.byWeek) expect(new Date(`${w.weekStart}T00:00:00Z`).getUTCDay()).toBe(c.weekStart);

        // The independent split, per class, of the entries that count.
        const perClass = { planned: new Map<string, number>(), interruption: new Map<string, number>() };
        for (const { e } of specs) {
          if (e.deleted || e.running || (c.trashItem2 && e.item === 2)) continue;
          splitByLocalDay(e.startMs, e.startMs + e.seconds * 1000, c.zone, perClass[e.classification]);
        }
        for (const d of report.byDay) {
          expect({ day: d.day, planned: d.planned, interruption: d.interruption }).toEqual({
            day: d.day, planned: perClass.planned.get(d.day) ?? 0, interruption: perClass.interruption.get(d.day) ?? 0,
          });
        }

        for (const table of ['entries', 'projects', 'people', 'weeks', 'days'] as const) {
          const response = await org.viewer.request('GET', `/api/v1/reports/time.csv?table=${table}&${query}`);
          expect(response.statusCode).toBe(200);
          const rows = csvObjects(response.body.slice(1));
          const sum = (column: string) => rows.reduce((s, r) => s + Number(r[column]), 0);
          if (table === 'entries') {
            const by = (cls: string) => rows.filter((r) => r.class === cls).reduce((s, r) => s + Number(r.seconds), 0);
            expect({ planned: by('planned'), interruption: by('interruption'), tracked: sum('seconds') }, table).toEqual(report.totals);
            for (const r of rows) expect(r.item_title).toMatch(/^'=item \d, "q"$/);
          } else {
            expect({ planned: sum('planned_seconds'), interruption: sum('interruption_seconds'), tracked: sum('tracked_seconds') }, table).toEqual(report.totals);
          }
        }
        const ledger = csvObjects((await org.viewer.request('GET', `/api/v1/reports/time.csv?table=interruptions&${query}`)).body.slice(1));
        expect(ledger.reduce((s, r) => s + Number(r.interruption_seconds), 0)).toBe(report.totals.interruption);
      }),
      { numRuns: 25 },
    );
  });
});
