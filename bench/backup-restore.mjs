#!/usr/bin/env node
// Benchmark: `rytask backup` / `rytask restore` next to `pg_dump -Fc` / `pg_restore` of the same
// database, in the same run.
//
// Targets (backup/restore issue): backup wall time ≤ 1.0× pg_dump -Fc's, restore ≤ 1.2× pg_restore's
// (single job, its default), file size ≤ 1.2× pg_dump -Fc's, and memory flat in database size
// (peak RSS of the rytask process about the same at --small-rows and at --rows).
//
// It starts its own throwaway PostgreSQL 15 from Debian's binaries (server and pg_dump/pg_restore
// from the same install, so client and server versions match), migrates a database with the built
// CLI, fills the real tables with generated rows, then measures each pair interleaved, in
// alternating order. It prints numbers and verdicts; it never fails on a slow run (house style),
// and exits non-zero only when the measurement itself could not be made.
//
//   node bench/backup-restore.mjs [--rows 1000000] [--small-rows 200000] [--iterations 3] [--pg-bin DIR]
//
// Needs `npm run build` first, and PostgreSQL 15 (Debian: `apt-get install postgresql-15`).
import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('..', import.meta.url));
const RYTASK_BIN = join(REPO, 'apps/cli/bin/rytask.mjs');
const CLI_BUNDLE = join(REPO, 'apps/cli/dist/rytask.mjs');
const TIME_BIN = '/usr/bin/time';
const TARGETS = { backup: 1.0, restore: 1.2, size: 1.2, memory: 1.2 };
const HOUR = 3_600_000;

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    'small-rows': { type: 'string', default: '200000' },
    iterations: { type: 'string', default: '3' },
    'pg-bin': { type: 'string', default: '/usr/lib/postgresql/15/bin' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('Usage: node bench/backup-restore.mjs [--rows 1000000] [--small-rows 200000] [--iterations 3] [--pg-bin /usr/lib/postgresql/15/bin]');
  process.exit(0);
}
const rows = Number(values.rows);
const smallRows = Number(values['small-rows']);
const iterations = Number(values.iterations);
const PG_BIN = values['pg-bin'];
if (![rows, smallRows, iterations].every(Number.isInteger) || rows < 10_000 || smallRows < 10_000 || smallRows >= rows || iterations < 1) {
  console.error('--rows and --small-rows must be whole numbers ≥ 10000 with --small-rows < --rows, and --iterations ≥ 1.');
  process.exit(2);
}
if (!existsSync(CLI_BUNDLE)) {
  console.error('RyTask is not built: run `npm run build` in the repository root, then run this benchmark again.');
  process.exit(1);
}
const pgTool = (name) => join(PG_BIN, name);
const missing = ['initdb', 'pg_ctl', 'postgres', 'pg_dump', 'pg_restore'].filter((tool) => !existsSync(pgTool(tool)));
if (missing.length > 0) {
  console.error(
    `PostgreSQL 15 is not installed at ${PG_BIN} (missing ${missing.join(', ')}). This benchmark needs its server and ` +
      'its pg_dump/pg_restore as the baseline: on Debian run `apt-get install -y postgresql-15`, or pass --pg-bin DIR.',
  );
  process.exit(1);
}
const asRoot = userInfo().uid === 0;
const hasTime = existsSync(TIME_BIN);
const progress = (line) => process.stderr.write(`… ${line}\n`);

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

function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs the server tools as `postgres` when we are root (PostgreSQL refuses to run as root). */
function asPostgres(tool, args) {
  return asRoot ? run('runuser', ['-u', 'postgres', '--', pgTool(tool), ...args]) : run(pgTool(tool), args);
}

/**
 * Runs one command to completion; returns its wall time (ms) and peak resident set size (KiB, from
 * GNU time's getrusage() — the whole process's high-water mark — or null without /usr/bin/time).
 */
async function measure(file, args, env) {
  const rssFile = join(work, `rss-${process.hrtime.bigint()}`);
  const [command, argv] = hasTime ? [TIME_BIN, ['-f', '%M', '-o', rssFile, file, ...args]] : [file, args];
  const started = performance.now();
  const result = await run(command, argv, { env, timeout: HOUR, maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  let rssKiB = null;
  if (hasTime) {
    rssKiB = Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1));
    rmSync(rssFile, { force: true });
  }
  return { ms, rssKiB, stdout: result.stdout, stderr: result.stderr };
}

// The generated data: the real tables with realistic text. Ids are uuids derived from md5 of the
// row number (as random-looking as gen_random_uuid(), but reproducible), so foreign keys hold
// without joins. Of N rows: N/1000 organizations, 30 % users, one membership each, the rest sessions.
function fillSql(total) {
  const orgs = Math.max(10, Math.round(total / 1000));
  const users = Math.round(total * 0.3);
  const sessions = total - orgs - 2 * users;
  const ts = (expr) => `timestamptz '2025-01-01 00:00:00+00' + (${expr}) * interval '1 second'`;
  return [
    `INSERT INTO organizations (id, name, slug, created_at, updated_at)
       SELECT md5('org' || g)::uuid, 'Organization ' || g || ' GmbH & Co. KG', 'org-' || g, ${ts('g * 600')}, ${ts('g * 600 + 86400')}
         FROM generate_series(1, ${orgs}) g`,
    `INSERT INTO users (id, email, name, password_hash, must_change_password, deactivated_at, created_at, updated_at)
       SELECT md5('user' || g)::uuid,
              lower(f.first || '.' || l.last) || g || '@example-company.test',
              f.first || ' ' || l.last,
              '$argon2id$v=19$m=19456,t=2,p=1$' || rtrim(encode(substr(sha256(('salt' || g)::bytea), 1, 16), 'base64'), '=') || '$' ||
                rtrim(encode(sha256(('hash' || g)::bytea), 'base64'), '='),
              g % 50 = 0,
              CASE WHEN g % 20 = 0 THEN ${ts('g * 37 + 999999')} END,
              ${ts('g * 37')}, ${ts('g * 37 + (g % 1000) * 60')}
         FROM generate_series(1, ${users}) g
         CROSS JOIN LATERAL (SELECT (ARRAY['Alice','Bruno','Chiara','Dmitri','Emeka','Fatima','Günter','Hana','Ines','José','Kwame','Léa'])[1 + g % 12] AS first) f
         CROSS JOIN LATERAL (SELECT (ARRAY['Okafor','Schmidt','Rossi','Tanaka','Nguyen','Müller','Dubois','Kowalski','Silva','Johansson','Haddad'])[1 + (g / 12) % 11] AS last) l`,
    `INSERT INTO memberships (id, organization_id, user_id, role, created_at)
       SELECT md5('membership' || g)::uuid, md5('org' || (1 + g % ${orgs}))::uuid, md5('user' || g)::uuid,
              (CASE WHEN g % ${Math.max(1, Math.round(users / orgs))} = 0 THEN 'OWNER' WHEN g % 7 = 0 THEN 'ADMIN' WHEN g % 11 = 0 THEN 'VIEWER' ELSE 'MEMBER' END)::member_role,
              ${ts('g * 37 + 60')}
         FROM generate_series(1, ${users}) g`,
    `INSERT INTO sessions (id, token_hash, user_id, organization_id, created_at, last_seen_at, expires_at, ip, user_agent)
       SELECT md5('session' || g)::uuid, encode(sha256(('token' || g)::bytea), 'hex'),
              md5('user' || (1 + g % ${users}))::uuid, md5('org' || (1 + (1 + g % ${users}) % ${orgs}))::uuid,
              ${ts('g * 13')}, ${ts('g * 13 + (g % 5000)')}, ${ts('g * 13 + 2592000')},
              CASE WHEN g % 10 = 0 THEN NULL ELSE '10.' || (g >> 16) % 256 || '.' || (g >> 8) % 256 || '.' || g % 256 END,
              (ARRAY['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
                     'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
                     'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
                     'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148'])[1 + g % 4]
         FROM generate_series(1, ${sessions}) g`,
  ];
}

const work = mkdtempSync(join(tmpdir(), 'rytask-bench-backup-'));
chmodSync(work, 0o755); // the server runs as `postgres` when we are root
const dataDir = join(work, 'pgdata');
const files = join(work, 'files');
mkdirSync(files);
let serverStarted = false;
let exitCode = 0;

try {
  mkdirSync(dataDir);
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']).catch(() => ({ stdout: '' }));
    const { stdout: gid } = await run('id', ['-g', 'postgres']).catch(() => ({ stdout: '' }));
    if (!stdout.trim()) throw new Error('running as root, but there is no `postgres` OS user to run the server as (installing postgresql-15 creates it)');
    chownSync(dataDir, Number(stdout), Number(gid));
  }
  const port = await freePort();
  progress(`initdb + start PostgreSQL from ${PG_BIN} on port ${port}`);
  await asPostgres('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  // Stock settings (no fsync tricks): both tools face the same server as an operator's would.
  await asPostgres('pg_ctl', ['-D', dataDir, '-w', '-l', join(dataDir, 'server.log'), '-o', `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dataDir}`, 'start']);
  serverStarted = true;

  const urlOf = (database) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const admin = new pg.Client({ connectionString: urlOf('postgres') });
  await admin.connect();
  const serverVersion = (await admin.query('SHOW server_version')).rows[0].server_version;
  const dumpVersion = (await run(pgTool('pg_dump'), ['--version'])).stdout.trim();
  // Only what the processes need; never a developer's own DATABASE_URL or RYTASK_* settings.
  const envFor = (database) => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LANG: process.env.LANG ?? 'C', DATABASE_URL: urlOf(database) });

  async function generate(database, total) {
    await admin.query(`CREATE DATABASE ${database}`);
    await run(process.execPath, [RYTASK_BIN, 'migrate'], { env: envFor(database), timeout: HOUR });
    const client = new pg.Client({ connectionString: urlOf(database) });
    await client.connect();
    try {
      const started = performance.now();
      for (const statement of fillSql(total)) await client.query(statement);
      // Hint bits and statistics settled, so the first measured run doesn't pay for them.
      await client.query('VACUUM (ANALYZE, FREEZE)');
      await client.query('CHECKPOINT');
      const counts = await tableCounts(client);
      const size = (await client.query('SELECT pg_database_size(current_database())::bigint AS b')).rows[0].b;
      progress(`${database}: ${Object.values(counts).reduce((a, b) => a + b, 0)} rows, ${mib(size)} on disk, generated in ${((performance.now() - started) / 1000).toFixed(0)} s`);
      return { counts, size: Number(size) };
    } finally {
      await client.end();
    }
  }

  async function tableCounts(client) {
    const { rows: tables } = await client.query(`SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY 1`);
    const counts = {};
    for (const { relname } of tables) counts[relname] = (await client.query(`SELECT count(*)::int AS n FROM "${relname}"`)).rows[0].n;
    return counts;
  }

  /** Restores into a fresh empty database, checks it holds the same rows as the source, drops it. */
  let scratch = 0;
  async function intoFreshDatabase(expected, restoreInto) {
    const database = `bench_restore_${scratch++}`;
    await admin.query(`CREATE DATABASE ${database}`);
    try {
      const result = await restoreInto(database);
      const client = new pg.Client({ connectionString: urlOf(database) });
      await client.connect();
      const counts = await tableCounts(client).finally(() => client.end());
      if (JSON.stringify(counts) !== JSON.stringify(expected)) {
        throw new Error(`restored database differs from the source: ${JSON.stringify(counts)} vs ${JSON.stringify(expected)}`);
      }
      return result;
    } finally {
      await admin.query(`DROP DATABASE ${database} WITH (FORCE)`);
    }
  }

  let fileNo = 0;
  const tools = (database, source) => ({
    rytaskBackup: async () => {
      const out = join(files, `rytask-${fileNo++}`);
      const m = await measure(process.execPath, [RYTASK_BIN, 'backup', '--out', out], envFor(database));
      const [name] = readdirSync(out);
      return { ...m, file: join(out, name) };
    },
    pgDump: async () => {
      const file = join(files, `pg_dump-${fileNo++}.dump`);
      return { ...(await measure(pgTool('pg_dump'), ['-Fc', '-f', file, '-d', urlOf(database)], envFor(database))), file };
    },
    rytaskRestore: (file) => intoFreshDatabase(source.counts, (target) => measure(process.execPath, [RYTASK_BIN, 'restore', file], envFor(target))),
    pgRestore: (file, jobs) =>
      intoFreshDatabase(source.counts, (target) => measure(pgTool('pg_restore'), ['-j', String(jobs), '-d', urlOf(target), file], envFor(target))),
  });

  // Memory at a smaller size first: one backup and one restore, for the flat-memory comparison.
  progress(`generating the small database (${smallRows} rows)`);
  const small = await generate('bench_small', smallRows);
  const smallTools = tools('bench_small', small);
  const smallBackup = await smallTools.rytaskBackup();
  const smallRestore = await smallTools.rytaskRestore(smallBackup.file);
  const smallDump = await smallTools.pgDump();
  const smallSize = statSync(smallBackup.file).size;
  progress(`small: backup ${(smallBackup.ms / 1000).toFixed(1)} s / ${kib(smallBackup.rssKiB)}, restore ${(smallRestore.ms / 1000).toFixed(1)} s / ${kib(smallRestore.rssKiB)}`);
  await admin.query('DROP DATABASE bench_small');
  rmSync(files, { recursive: true, force: true });
  mkdirSync(files);

  progress(`generating the main database (${rows} rows)`);
  const main = await generate('bench_main', rows);
  const t = tools('bench_main', main);
  const samples = { rytaskBackup: [], pgDump: [], rytaskRestore: [], pgRestore: [], pgRestore2: [] };
  const rss = { rytaskBackup: [], rytaskRestore: [], pgDump: [], pgRestore: [] };
  let sizes;
  for (let i = 0; i < iterations; i++) {
    const flip = i % 2 === 1; // alternate which side goes first, so drift and caches hit both alike
    let backup;
    let dump;
    for (const side of flip ? ['pgDump', 'rytaskBackup'] : ['rytaskBackup', 'pgDump']) {
      const result = await t[side]();
      samples[side].push(result.ms);
      rss[side].push(result.rssKiB);
      if (side === 'pgDump') dump = result;
      else backup = result;
      progress(`[${i + 1}/${iterations}] ${side}: ${(result.ms / 1000).toFixed(2)} s, ${kib(result.rssKiB)}`);
    }
    sizes = { rytask: statSync(backup.file).size, pgDump: statSync(dump.file).size };
    const restores = [
      ['rytaskRestore', () => t.rytaskRestore(backup.file)],
      ['pgRestore', () => t.pgRestore(dump.file, 1)],
      ['pgRestore2', () => t.pgRestore(dump.file, 2)],
    ];
    for (const [side, restore] of flip ? [...restores].reverse() : restores) {
      const result = await restore();
      samples[side].push(result.ms);
      if (rss[side]) rss[side].push(result.rssKiB);
      progress(`[${i + 1}/${iterations}] ${side}: ${(result.ms / 1000).toFixed(2)} s, ${kib(result.rssKiB)}`);
    }
    rmSync(files, { recursive: true, force: true });
    mkdirSync(files);
  }
  await admin.end();

  const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
  const r = Object.fromEntries(Object.entries(rss).map(([k, v]) => [k, hasTime ? median(v) : null]));
  const totalRows = Object.values(main.counts).reduce((a, b) => a + b, 0);
  const smallTotal = Object.values(small.counts).reduce((a, b) => a + b, 0);
  const sec = (ms) => `${(ms / 1000).toFixed(2)} s`.padStart(9);
  const cpu = cpus();

  console.log(`Backup and restore — node ${process.version}, ${cpu.length} CPU(s) (${cpu[0]?.model ?? 'unknown'}), ${mib(totalmem())} RAM, ${process.platform}/${process.arch}, load ${loadavg()[0].toFixed(2)}`);
  console.log(`PostgreSQL ${serverVersion} (server), ${dumpVersion}; stock settings`);
  console.log(`database: ${totalRows} rows (${Object.entries(main.counts).map(([k, v]) => `${k} ${v}`).join(', ')}), ${mib(main.size)} on disk`);
  console.log(`${iterations} iteration(s), interleaved, order alternating; medians of whole-process wall time\n`);
  console.log(`${'measure'.padEnd(34)}   median   samples`);
  const rowsOut = [
    ['rytask backup --out DIR', 'rytaskBackup'],
    ['pg_dump -Fc -f FILE', 'pgDump'],
    ['rytask restore FILE (fresh db)', 'rytaskRestore'],
    ['pg_restore -d DB FILE (1 job)', 'pgRestore'],
    ['pg_restore -j 2 (info)', 'pgRestore2'],
  ];
  for (const [label, key] of rowsOut) console.log(`${label.padEnd(34)} ${sec(m[key])}   ${samples[key].map((s) => (s / 1000).toFixed(2)).join(', ')}`);
  console.log('');
  console.log(`file size: rytask ${mib(sizes.rytask)}, pg_dump -Fc ${mib(sizes.pgDump)}`);
  console.log(`peak RSS at ${totalRows} rows: rytask backup ${kib(r.rytaskBackup)}, rytask restore ${kib(r.rytaskRestore)} (pg_dump ${kib(r.pgDump)}, pg_restore ${kib(r.pgRestore)})`);
  console.log(`peak RSS at ${smallTotal} rows: rytask backup ${kib(smallBackup.rssKiB)}, rytask restore ${kib(smallRestore.rssKiB)} (pg_dump ${kib(smallDump.rssKiB)}); small file ${mib(smallSize)}`);
  console.log('');
  const verdict = (name, ratio, target) => console.log(`${name.padEnd(8)} ${ratio.toFixed(2)}× (target ≤ ${target.toFixed(1)}×): ${ratio <= target ? 'met' : 'MISSED'}`);
  verdict('backup', m.rytaskBackup / m.pgDump, TARGETS.backup);
  verdict('restore', m.rytaskRestore / m.pgRestore, TARGETS.restore);
  verdict('size', sizes.rytask / sizes.pgDump, TARGETS.size);
  if (hasTime) {
    const growth = Math.max(r.rytaskBackup / smallBackup.rssKiB, r.rytaskRestore / smallRestore.rssKiB);
    console.log(
      `memory   ${growth.toFixed(2)}× peak RSS for ${(totalRows / smallTotal).toFixed(1)}× the rows (flat: ≤ ${TARGETS.memory.toFixed(1)}×): ${growth <= TARGETS.memory ? 'met' : 'MISSED'}`,
    );
  } else {
    console.log(`memory   not measured: ${TIME_BIN} (GNU time) is not installed`);
  }
} catch (error) {
  console.error(`Benchmark failed: ${error?.stack ?? error}`);
  if (error?.stderr) console.error(error.stderr);
  exitCode = 1;
} finally {
  if (serverStarted) await asPostgres('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
}
process.exit(exitCode);

function mib(bytes) {
  return `${(Number(bytes) / 1024 / 1024).toFixed(1)} MiB`;
}

function kib(value) {
  return value === null || value === undefined ? 'n/a' : `${(value / 1024).toFixed(0)} MiB`;
}
