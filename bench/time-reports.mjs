#!/usr/bin/env node
// Benchmark: time reports on a year of tracked time, at ~250,000 entries (25 people) and ~1,000,000
// (100 people), next to baselines measured in the same run:
//   - a trivial authenticated route (GET /api/v1/organization: sign-in check + one row) — the floor
//     of any request;
//   - the naive report: the same sums straight over time_entries (split at local midnight per
//     entry), which is what reading without the rollup would cost.
// Targets (issue 6), at 1M entries: one-year organization report ≤ 300 ms, one-week personal report
// ≤ 50 ms server time. Requests run one at a time over loopback, so response time ≈ server time
// (the trivial route shows what is not the report's). Also prints EXPLAIN (ANALYZE, BUFFERS) of the
// report queries. Prints numbers and a verdict; exits 0 whatever they are (no timed assertions).
//
//   node bench/time-reports.mjs [--runs 30] [--people 25,100] [--per-day 27]
//
// Needs `npm run build` first (the built `rytask api` and @rytask/db); starts its own throwaway
// embedded PostgreSQL 17 (bench/lib/stack.mjs).
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { assertBuilt, log, startStack } from './lib/stack.mjs';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '30' },
    people: { type: 'string', default: '25,100' },
    'per-day': { type: 'string', default: '27' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('Usage: node bench/time-reports.mjs [--runs 30] [--people 25,100] [--per-day 27]');
  process.exit(0);
}
const RUNS = Number(values.runs);
const PEOPLE = values.people.split(',').map(Number);
const PER_DAY = Number(values['per-day']);
if (![RUNS, PER_DAY, ...PEOPLE].every((n) => Number.isInteger(n) && n > 0) || PEOPLE.some((n, i) => i > 0 && n <= PEOPLE[i - 1])) {
  console.error('--runs and --per-day must be whole numbers > 0; --people increasing whole numbers, e.g. 25,100.');
  process.exit(2);
}
assertBuilt();
const { timeReportSplitQuery, personDaysQuery, rebuildDayTotals, createDatabase } = await import('@rytask/db');
const { PgDialect } = await import('drizzle-orm/pg-core');
const dialect = new PgDialect();

const YEAR = { from: '2026-01-01', to: '2026-12-31' };
const WEEK = { from: '2026-06-15', to: '2026-06-21' };
const TIME_ZONE = 'Europe/Berlin';
const PROJECTS = 5;
const ITEMS_PER_PROJECT = 400;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const ms = (x) => `${x.toFixed(1)} ms`;

async function timeHttp(url, headers, runs) {
  const times = [];
  for (let i = 0; i < runs + 2; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url} → ${response.status}`);
    if (i >= 2) times.push(performance.now() - started); // two warm-up requests
  }
  return times;
}

async function timeSql(stack, query, runs) {
  const times = [];
  for (let i = 0; i < runs + 1; i++) {
    const started = performance.now();
    await stack.query(query.sql, query.params);
    if (i >= 1) times.push(performance.now() - started);
  }
  return times;
}

/** The report's sums without the rollup: every entry of the year split at local midnight, then grouped. */
function naiveQuery(organizationId) {
  return {
    sql: `SELECT d.day::date, te.user_id, i.project_id, te.classification,
                 sum(extract(epoch FROM least(te.ended_at, (d.day + interval '1 day') AT TIME ZONE o.time_zone)
                                      - greatest(te.started_at, d.day AT TIME ZONE o.time_zone)))::bigint
            FROM time_entries te
            JOIN organizations o ON o.id = te.organization_id
            JOIN items i ON i.id = te.item_id AND i.deleted_at IS NULL
           CROSS JOIN LATERAL generate_series((te.started_at AT TIME ZONE o.time_zone)::date::timestamp,
                                              ((te.ended_at - interval '1 second') AT TIME ZONE o.time_zone)::date::timestamp,
                                              interval '1 day') AS d(day)
           WHERE te.organization_id = $1 AND te.ended_at IS NOT NULL
             AND te.started_at >= ($2::date)::timestamp AT TIME ZONE o.time_zone - interval '24 hours'
             AND te.started_at < ($3::date + 1)::timestamp AT TIME ZONE o.time_zone
             AND d.day BETWEEN $2::date AND $3::date
           GROUP BY GROUPING SETS ((1, 4), (2, 4), (3, 4))`,
    params: [organizationId, YEAR.from, YEAR.to],
  };
}

/** People `from`..`to` (1-based) of the organization, each with a year of entries: `PER_DAY` a day, 20 minutes apart from 08:00 local. */
async function generate(stack, organizationId, firstPerson, lastPerson) {
  await stack.query(
    `WITH people AS (
       INSERT INTO users (email, name, handle, password_hash)
       SELECT 'person' || g || '@bench.test', 'Person ' || g, 'person' || g, 'x' FROM generate_series($2::int, $3::int) g
       RETURNING id)
     INSERT INTO memberships (organization_id, user_id, role) SELECT $1, id, 'MEMBER' FROM people`,
    [organizationId, firstPerson, lastPerson],
  );
  // Each person works on 4 items a day (picked by person and day); urgent items are interruptions,
  // and one entry in 20 is classed the other way, as people do.
  await stack.query(
    `WITH person AS (
       SELECT u.id, row_number() OVER (ORDER BY u.email) AS n FROM users u
        WHERE u.email LIKE 'person%@bench.test' AND substring(u.email FROM 'person(\\d+)@')::int BETWEEN $2 AND $3),
     item AS (SELECT id, priority, row_number() OVER (ORDER BY id) - 1 AS n FROM items WHERE organization_id = $1)
     INSERT INTO time_entries (organization_id, item_id, user_id, started_at, ended_at, classification, kind, note)
     SELECT $1, item.id, person.id, s.started_at, s.started_at + (300 + (hashtext(person.id::text || d || k) & 1023)) * interval '1 second',
            (CASE WHEN (item.priority = 'urgent') <> (k % 20 = 7) THEN 'interruption' ELSE 'planned' END)::time_class,
            CASE WHEN k % 3 = 0 THEN 'timer' ELSE 'manual' END, 'work ' || k
       FROM person
      CROSS JOIN generate_series(0, 364) d
      CROSS JOIN generate_series(0, $4::int - 1) k
      CROSS JOIN LATERAL (SELECT ((date '2026-01-01' + d) + time '08:00') AT TIME ZONE $5 + k * interval '20 minutes' AS started_at) s
       JOIN item ON item.n = (hashtext(person.id::text || d || (k % 4)) & 2147483647) % (SELECT count(*) FROM items WHERE organization_id = $1)`,
    [organizationId, firstPerson, lastPerson, PER_DAY, TIME_ZONE],
  );
}

async function explain(stack, query) {
  const { rows } = await stack.query(`EXPLAIN (ANALYZE, BUFFERS, TIMING ON) ${query.sql}`, query.params);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

let stack;
let handle;
let exitCode = 0;
try {
  stack = await startStack();
  const { base, headers } = stack;
  const [{ id: organizationId }] = (await stack.query('SELECT id FROM organizations LIMIT 1')).rows;
  await stack.query('UPDATE organizations SET time_zone = $2, week_start = 1 WHERE id = $1', [organizationId, TIME_ZONE]);
  const [{ id: ownerId }] = (await stack.query("SELECT user_id AS id FROM memberships WHERE organization_id = $1 AND role = 'OWNER'", [organizationId])).rows;
  for (let p = 1; p <= PROJECTS; p++) {
    const response = await fetch(`${base}/api/v1/projects`, { method: 'POST', headers, body: JSON.stringify({ key: `P${p}X`, name: `Project ${p}` }) });
    if (!response.ok) throw new Error(`creating a project failed: ${await response.text()}`);
  }
  await stack.query(
    `INSERT INTO items (organization_id, project_id, number, title, status_id, priority, board_position, created_by)
     SELECT p.organization_id, p.id, g, 'Item ' || g, (SELECT id FROM statuses s WHERE s.project_id = p.id ORDER BY position LIMIT 1),
            (ARRAY['urgent','high','medium','low','none'])[1 + g % 5]::item_priority, g, $2
       FROM projects p, generate_series(1, $1::int) g`,
    [ITEMS_PER_PROJECT, ownerId],
  );
  await stack.query('UPDATE projects SET next_item_number = $1 + 1', [ITEMS_PER_PROJECT]);
  handle = createDatabase(stack.databaseUrl, { max: 1 });

  const results = [];
  let generated = 0;
  for (const people of PEOPLE) {
    let started = performance.now();
    await generate(stack, organizationId, generated + 1, people);
    generated = people;
    const generateMs = performance.now() - started;
    started = performance.now();
    await rebuildDayTotals(handle.db, organizationId);
    const rebuildMs = performance.now() - started;
    await stack.query('VACUUM ANALYZE');
    const [{ entries, rollup }] = (await stack.query(
      'SELECT (SELECT count(*) FROM time_entries)::int AS entries, (SELECT count(*) FROM time_day_totals)::int AS rollup',
    )).rows;
    log(`${people} people: ${entries} entries (${(generateMs / 1000).toFixed(1)} s), rollup ${rollup} rows (rebuilt in ${(rebuildMs / 1000).toFixed(1)} s)`);
    const [{ id: personId }] = (await stack.query("SELECT id FROM users WHERE email = 'person1@bench.test'")).rows;

    const filterYear = { organizationId, ...YEAR };
    const filterWeek = { organizationId, ...WEEK, userId: personId };
    const reportSql = dialect.sqlToQuery(timeReportSplitQuery(filterYear));
    const weekSql = dialect.sqlToQuery(personDaysQuery(filterWeek));
    const row = { people, entries, rollup };
    // Interleaved so drift on the shared machine hits the report and its baselines alike.
    row.trivial = await timeHttp(`${base}/api/v1/organization`, headers, RUNS);
    row.year = await timeHttp(`${base}/api/v1/reports/time?from=${YEAR.from}&to=${YEAR.to}`, headers, RUNS);
    row.week = await timeHttp(`${base}/api/v1/reports/my-week?day=2026-06-17&userId=${personId}`, headers, RUNS);
    row.yearSql = await timeSql(stack, reportSql, RUNS);
    row.weekSql = await timeSql(stack, weekSql, RUNS);
    row.naiveSql = await timeSql(stack, naiveQuery(organizationId), Math.max(3, Math.floor(RUNS / 6)));
    started = performance.now();
    const csv = await fetch(`${base}/api/v1/reports/time.csv?table=entries&from=${YEAR.from}&to=${YEAR.to}`, { headers });
    const bytes = (await csv.arrayBuffer()).byteLength;
    row.csv = { ms: performance.now() - started, bytes };
    row.plans = { year: await explain(stack, reportSql), week: await explain(stack, weekSql), naive: await explain(stack, naiveQuery(organizationId)) };
    results.push(row);
    log(`year ${ms(median(row.year))}, week ${ms(median(row.week))}, trivial ${ms(median(row.trivial))}, naive SQL ${ms(median(row.naiveSql))}`);
  }

  const verdict = (ok) => (ok ? 'met' : 'MISSED');
  console.log(`\n${RUNS} runs each (naive: ${Math.max(3, Math.floor(RUNS / 6))}), one request at a time; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
  console.log('| entries | rollup rows | measure | median | p95 | target |');
  console.log('|---:|---:|---|---:|---:|---|');
  for (const r of results) {
    const big = r === results.at(-1);
    const lines = [
      ['trivial route (GET /api/v1/organization)', r.trivial, '—'],
      ['org report, one year (HTTP)', r.year, big ? `≤ 300 ms: ${verdict(median(r.year) <= 300)}` : '—'],
      ['  its SQL (rollup, GROUPING SETS)', r.yearSql, '—'],
      ['  naive SQL over time_entries', r.naiveSql, '—'],
      ['personal week (HTTP)', r.week, big ? `≤ 50 ms: ${verdict(median(r.week) <= 50)}` : '—'],
      ['  its SQL (rollup)', r.weekSql, '—'],
    ];
    for (const [name, xs, target] of lines) console.log(`| ${r.entries} | ${r.rollup} | ${name} | ${ms(median(xs))} | ${ms(p95(xs))} | ${target} |`);
    console.log(`| ${r.entries} | ${r.rollup} | CSV of a year's entries (streamed, one run) | ${ms(r.csv.ms)} | — | ${(r.csv.bytes / 1e6).toFixed(1)} MB |`);
  }
  for (const r of results) {
    console.log(`\n## Plans at ${r.entries} entries\n\n### One-year organization report\n\n${r.plans.year}\n\n### One-week personal report\n\n${r.plans.week}\n\n### Naive (no rollup)\n\n${r.plans.naive}`);
  }
} catch (error) {
  console.error(`Benchmark failed: ${error.stack ?? error}`);
  exitCode = 1;
} finally {
  await handle?.close();
  await stack?.stop();
}
process.exit(exitCode);
