#!/usr/bin/env node
// Benchmark: the work-item API under load, next to a trivial Fastify route measured in the same run.
//
// Targets (work-loop issue), at 50 concurrent connections on a 2-core machine:
//   - list 50 items of a 10,000-item project: p99 ≤ 25 ms
//   - create an item: p99 ≤ 40 ms
//   - throughput of each at least a quarter of the trivial route's
// It prints numbers and a verdict per target, and exits 0 whatever they are (no timed assertions).
// The list load repeats one request: after the first, the api's read cache answers it from memory
// (docs/architecture.md, "The read cache"). A last measure without a target runs the list while one
// more connection creates items, each create emptying that cache.
// Next to the create it measures, without a target, the database floor: what PostgreSQL alone
// commits on this machine when the same number of clients each insert a bare item row (the columns
// the api's create writes, into the same project, every index and trigger of the table, each
// statement its own synchronously committed transaction), straight from node-postgres. No api
// create can beat it: it is the create's last write with nothing around it. It is measured again
// with the table's change-notification trigger dropped, to show what that trigger costs writes.
//
//   node bench/api.mjs [--items 10000] [--connections 50] [--duration 10]
//
// Needs `npm run build` first: the api runs as the built `rytask api`, in its own process, on a
// throwaway embedded PostgreSQL 17 (bench/lib/stack.mjs); autocannon runs in this process.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { assertBuilt, createProject, freePort, generateItems, log, REPO, startStack } from './lib/stack.mjs';

const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '10000' },
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '10' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('Usage: node bench/api.mjs [--items 10000] [--connections 50] [--duration 10]');
  process.exit(0);
}
const ITEMS = Number(values.items);
const CONNECTIONS = Number(values.connections);
const DURATION = Number(values.duration);
if (![ITEMS, CONNECTIONS, DURATION].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('--items, --connections and --duration must be whole numbers > 0.');
  process.exit(2);
}
assertBuilt();

function load(options) {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, duration: DURATION, pipelining: 1, ...options }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

const summary = (result) => ({
  rps: result.requests.average,
  p50: result.latency.p50,
  p99: result.latency.p99,
  errors: result.errors + result.non2xx,
  total: result.requests.total,
});

/** p-th percentile (0–100) of sorted numbers. */
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/**
 * The database floor (no target): CONNECTIONS clients, a pool of as many connections, each
 * inserting one bare item row after the other for `seconds`, every INSERT its own committed
 * transaction (autocommit, synchronous_commit on, as the api's item commit is). A named prepared
 * statement, so PostgreSQL parses and plans it once per connection: the cheapest way to send it.
 */
async function insertFloor(databaseUrl, projectId, seconds, numbers) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: CONNECTIONS });
  try {
    const client = await pool.connect();
    const { rows: [p] } = await client.query(
      `SELECT p.organization_id, p.created_by,
              (SELECT id FROM statuses s WHERE s.project_id = p.id ORDER BY position LIMIT 1) AS status_id
         FROM projects p WHERE p.id = $1`,
      [projectId],
    );
    client.release();
    const text = `INSERT INTO items (organization_id, project_id, number, title, description, status_id, priority, assignee_id,
                                     estimate_minutes, due_date, parent_id, source, created_by, board_position)
                  VALUES ($1, $2, $3, $4, '', $5, 'medium', NULL, 60, NULL, NULL, 'web', $6, $7)`;
    const latencies = [];
    const deadline = performance.now() + seconds * 1000;
    let errors = 0;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < deadline) {
          const number = numbers.next++;
          const started = performance.now();
          try {
            await pool.query({ name: 'bench_floor_insert', text, values: [p.organization_id, projectId, number, `Floor insert ${number}`, p.status_id, p.created_by, number] });
            latencies.push(performance.now() - started);
          } catch {
            errors++;
          }
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    return { rps: latencies.length / seconds, p50: Math.round(percentile(latencies, 50)), p99: Math.round(percentile(latencies, 99)), errors, total: latencies.length };
  } finally {
    await pool.end();
  }
}

/**
 * Runs a measure and adds the CPU milliseconds per request it cost: the api process, its
 * PostgreSQL server (every process of it) and this process (the load generator). On a shared
 * machine these move far less than req/s and latency do: they are the work, not the wait.
 */
async function withCpu(stack, measure) {
  const before = { ...stack.cpu(), client: process.cpuUsage() };
  const result = await measure();
  const after = stack.cpu();
  const perRequest = (a, b) => (a === null || b === null || result.total === 0 ? null : ((b - a) * 1000) / result.total);
  const client = process.cpuUsage(before.client);
  result.cpu = {
    api: perRequest(before.api, after.api),
    postgres: perRequest(before.postgres, after.postgres),
    client: result.total === 0 ? null : (client.user + client.system) / 1000 / result.total,
  };
  return result;
}

let stack;
let exitCode = 0;
try {
  stack = await startStack();
  const { base, headers } = stack;
  const project = await createProject(stack, 'BENCH', 'Benchmark');
  log(`generating ${ITEMS} items`);
  await generateItems(stack, project.id, ITEMS);

  // The trivial route: a bare Fastify app (the same copy the api loads) in its own process, as the api is.
  const trivialPort = await freePort();
  const fastifyEntry = createRequire(join(REPO, 'apps/api/package.json')).resolve('fastify');
  await stack.spawn(
    ['--input-type=module', '-e', `
      import Fastify from ${JSON.stringify(pathToFileURL(fastifyEntry).href)};
      const app = Fastify();
      app.get('/hello', async () => ({ hello: 'world' }));
      await app.listen({ host: '127.0.0.1', port: ${trivialPort} });`],
    { PATH: process.env.PATH ?? '' },
    `http://127.0.0.1:${trivialPort}/hello`,
  );

  const listUrl = `${base}/api/v1/items?projectId=${project.id}&limit=50`;
  const check = await fetch(listUrl, { headers });
  const page = await check.json();
  if (!check.ok || page.items.length !== 50) throw new Error(`listing failed: ${JSON.stringify(page).slice(0, 300)}`);

  log(`warming up (3 s each), then ${DURATION} s per measure at ${CONNECTIONS} connections`);
  await load({ url: `http://127.0.0.1:${trivialPort}/hello`, duration: 3 });
  await load({ url: listUrl, headers, duration: 3 });

  const results = {};
  results.trivial = summary(await load({ url: `http://127.0.0.1:${trivialPort}/hello` }));
  log(`trivial: ${results.trivial.rps.toFixed(0)} req/s, p99 ${results.trivial.p99} ms`);
  results.list = summary(await load({ url: listUrl, headers }));
  log(`list: ${results.list.rps.toFixed(0)} req/s, p99 ${results.list.p99} ms`);
  let n = 0;
  const creating = (options = {}) => ({
    url: `${base}/api/v1/projects/${project.id}/items`,
    method: 'POST',
    headers,
    setupClient: (c) => {
      c.setBody(JSON.stringify({ title: `Created under load ${++n}`, priority: 'medium', labels: ['label-1', 'label-2'], estimateMinutes: 60 }));
    },
    ...options,
  });
  results.create = await withCpu(stack, async () => summary(await load(creating())));
  log(`create: ${results.create.rps.toFixed(0)} req/s, p99 ${results.create.p99} ms`);
  // Not a target: the floor. Numbers far above the api's, so the two never meet.
  const floorNumbers = { next: 1_000_000_000 };
  await insertFloor(stack.databaseUrl, project.id, 3, floorNumbers);
  results.floor = await withCpu(stack, () => insertFloor(stack.databaseUrl, project.id, DURATION, floorNumbers));
  log(`database floor: ${results.floor.rps.toFixed(0)} inserts/s, p99 ${results.floor.p99} ms`);
  // The same floor without the items table's change-notification trigger (migration 0004, the read
  // cache's): a notifying commit holds PostgreSQL's notify lock through its WAL flush, so such
  // commits run one at a time. Dropped and put back on this throwaway database only.
  await stack.query('DROP TRIGGER rytask_notify_change ON items');
  results.floorNoTrigger = await withCpu(stack, () => insertFloor(stack.databaseUrl, project.id, DURATION, floorNumbers));
  await stack.query('CREATE TRIGGER rytask_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON items FOR EACH STATEMENT EXECUTE FUNCTION rytask_notify_change()');
  log(`database floor without the notify trigger: ${results.floorNoTrigger.rps.toFixed(0)} inserts/s, p99 ${results.floorNoTrigger.p99} ms`);
  // Not a target: the list while one more connection keeps creating items. Every create empties the
  // api's read cache, so many list requests run their queries, as on a busy instance.
  const [listWhileWriting, writes] = await Promise.all([load({ url: listUrl, headers }), load(creating({ connections: 1 }))]);
  results.listWhileWriting = summary(listWhileWriting);
  log(`list while creating: ${results.listWhileWriting.rps.toFixed(0)} req/s, p99 ${results.listWhileWriting.p99} ms (${summary(writes).rps.toFixed(0)} creates/s)`);

  const verdict = (ok) => (ok ? 'met' : 'MISSED');
  const rows = [
    ['trivial Fastify route', results.trivial, '—'],
    ['list 50 of a 10k-item project', results.list, `p99 ≤ 25 ms: ${verdict(results.list.p99 <= 25)}; ≥ ¼ trivial: ${verdict(results.list.rps >= results.trivial.rps / 4)}`],
    ['create an item', results.create, `p99 ≤ 40 ms: ${verdict(results.create.p99 <= 40)}; ≥ ¼ trivial: ${verdict(results.create.rps >= results.trivial.rps / 4)}`],
    ['database floor: bare item INSERT, own commit each, straight from node-postgres (inserts/s)', results.floor, '— (no target; the floor)'],
    ['  the same without the items table notify trigger (inserts/s)', results.floorNoTrigger, '— (no target)'],
    ['list, while 1 more connection creates items', results.listWhileWriting, '— (no target: each create empties the read cache)'],
  ];
  console.log(`\n${CONNECTIONS} connections, ${DURATION} s each, ${ITEMS} items\n`);
  console.log('| measure | req/s | p50 | p99 | errors | target |');
  console.log('|---|---:|---:|---:|---:|---|');
  for (const [name, r, target] of rows) {
    console.log(`| ${name} | ${r.rps.toFixed(0)} | ${r.p50} ms | ${r.p99} ms | ${r.errors} | ${target} |`);
  }
  console.log(`\nthroughput vs trivial: list ${(results.list.rps / results.trivial.rps).toFixed(2)}×, create ${(results.create.rps / results.trivial.rps).toFixed(3)}×, database floor ${(results.floor.rps / results.trivial.rps).toFixed(3)}× (${(results.floorNoTrigger.rps / results.trivial.rps).toFixed(3)}× without the notify trigger)`);
  const ms = (v) => (v === null ? '—' : `${v.toFixed(2)} ms`);
  console.log('\nCPU per request (the work; on 2 cores, 2,000 ms of CPU a second is all there is):\n');
  console.log('| measure | api | PostgreSQL | load generator (this process) |');
  console.log('|---|---:|---:|---:|');
  console.log(`| create an item | ${ms(results.create.cpu.api)} | ${ms(results.create.cpu.postgres)} | ${ms(results.create.cpu.client)} |`);
  console.log(`| database floor (bare INSERT) | — | ${ms(results.floor.cpu.postgres)} | ${ms(results.floor.cpu.client)} |`);
  console.log(`create vs database floor: ${(results.create.rps / results.floor.rps).toFixed(2)}× the floor's throughput; a quarter of the trivial route is ${(results.trivial.rps / 4).toFixed(0)}/s`);
} catch (error) {
  console.error(`Benchmark failed: ${error.stack ?? error}`);
  exitCode = 1;
} finally {
  await stack?.stop();
}
process.exit(exitCode);
