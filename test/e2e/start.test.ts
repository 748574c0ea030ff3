// `npm start` end to end, as on a fresh machine without PostgreSQL or Docker: the built `rytask start`
// brings up embedded PostgreSQL + api + worker + web, prints how to log in, reuses its data on the
// next start, and Ctrl-C stops everything — PostgreSQL cleanly. No DATABASE_URL anywhere.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RYTASK_BIN } from '../support/cli';
import { freePort } from '../support/postgres';

// Generous: the first start runs initdb. These are limits for a hung process, not performance checks.
const READY_WITHIN_MS = 90_000;
const EXIT_WITHIN_MS = 60_000;
const TEST_TIMEOUT_MS = 180_000;
const WEB_INDEX = new URL('../../apps/web/dist/index.html', import.meta.url);

/** Resolves true when something accepts TCP connections on localhost:port, false when refused. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: 'localhost', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

interface Running {
  child: ChildProcess;
  stdout(): string;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitForStdout(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  waitForExit(timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const started: Running[] = [];

interface Setup {
  dataDir: string;
  port: number;
  pgPort: number;
}

/** `rytask start` with only what a fresh shell would have, plus the settings under test. */
function startRytask({ dataDir, port, pgPort }: Setup): Running {
  const env: Record<string, string> = {};
  for (const key of ['PATH', 'HOME', 'LANG']) if (process.env[key]) env[key] = process.env[key]!;
  Object.assign(env, {
    RYTASK_DATA_DIR: dataDir,
    PORT: String(port),
    RYTASK_EMBEDDED_PG_PORT: String(pgPort),
    LOG_LEVEL: 'warn',
    // Keeps the worker's heartbeat out of the shared default in the system temp directory.
    RYTASK_WORKER_HEARTBEAT_FILE: join(dataDir, 'worker.heartbeat'),
  });
  // Its own process group, so cleanup can reach PostgreSQL too, and so a terminal's Ctrl-C (which
  // signals the whole group) can be reproduced exactly.
  const child = spawn(process.execPath, [RYTASK_BIN, 'start'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let isRunning = true;
  void exited.then(() => (isRunning = false));
  const output = () => `--- stdout\n${stdout}\n--- stderr\n${stderr}`;
  const running: Running = {
    child,
    stdout: () => stdout,
    output,
    exited,
    waitForStdout: async (pattern, timeoutMs = READY_WITHIN_MS) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = stdout.match(pattern);
        if (match) return match;
        if (!isRunning) throw new Error(`rytask start exited before printing ${pattern}:\n${output()}`);
        if (Date.now() > deadline) throw new Error(`rytask start did not print ${pattern} within ${timeoutMs / 1000} s:\n${output()}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    waitForExit: async (timeoutMs = EXIT_WITHIN_MS) => {
      let timer: NodeJS.Timeout | undefined;
      const hung = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`rytask start was still running ${timeoutMs / 1000} s later:\n${output()}`)), timeoutMs);
      });
      try {
        return await Promise.race([exited, hung]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
  started.push(running);
  return running;
}

async function login(port: number, email: string, password: string) {
  const response = await fetch(`http://localhost:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-rytask-csrf': '1' },
    body: JSON.stringify({ email, password }),
  });
  return { status: response.status, body: (await response.json()) as { user?: { email: string; mustChangePassword: boolean } } };
}

const RUNNING = /RyTask is running at (\S+)/;
const PASSWORD_LINE = /password:\s+(\S+)\s*$/m;

describe('rytask start (npm start) on embedded PostgreSQL', () => {
  let setup: Setup;
  let first: Running;
  let credentials: { email: string; password: string } | undefined;

  beforeAll(async () => {
    if (!existsSync(WEB_INDEX)) throw new Error('apps/web/dist is missing: run `npm run build` before this test.');
    const dataDir = mkdtempSync(join(tmpdir(), 'rytask-e2e-start-'));
    chmodSync(dataDir, 0o755); // PostgreSQL runs as `postgres` when the tests run as root
    setup = { dataDir, port: await freePort(), pgPort: await freePort() };
  });

  afterAll(async () => {
    for (const running of started) {
      if (running.child.exitCode !== null || running.child.signalCode !== null) continue;
      // The whole group: node and the PostgreSQL it spawned.
      try {
        process.kill(-running.child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      await running.exited;
    }
    // A PostgreSQL orphaned by the SIGKILL above would keep its pid file; stop it before deleting.
    const pidFile = join(setup.dataDir, 'postgres', 'postmaster.pid');
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
      try {
        if (pid > 0) process.kill(pid, 'SIGQUIT');
      } catch {
        // already gone
      }
    }
    rmSync(setup.dataDir, { recursive: true, force: true });
  });

  it(
    'comes up at PORT on a fresh data directory and prints how to log in',
    async () => {
      first = startRytask(setup);
      const [, url] = await first.waitForStdout(RUNNING);
      const stdout = first.stdout();
      expect(url).toBe(`http://localhost:${setup.port}`);
      expect(stdout).toContain(`Sign in at http://localhost:${setup.port}`);
      expect(stdout).toMatch(/email:\s+admin@rytask\.local\s*$/m);
      const password = stdout.match(PASSWORD_LINE)?.[1];
      expect(password, first.output()).toMatch(/^[A-Za-z0-9]{24}$/);
      credentials = { email: 'admin@rytask.local', password: password! };

      const ready = await fetch(`http://localhost:${setup.port}/readyz`);
      expect(ready.status).toBe(200);

      const home = await fetch(`http://localhost:${setup.port}/`);
      expect(home.status).toBe(200);
      expect(home.headers.get('content-type')).toMatch(/text\/html/);
      expect(await home.text()).toContain('<div id="root"></div>');

      const session = await login(setup.port, credentials.email, credentials.password);
      expect(session.status).toBe(200);
      expect(session.body.user).toMatchObject({ email: 'admin@rytask.local', mustChangePassword: true });
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'refuses a second start on the same data directory and ports, and leaves the first one running',
    async () => {
      expect(first?.child.exitCode, 'needs the first start running').toBeNull();
      const second = startRytask(setup);
      const { code } = await second.waitForExit();
      expect(code, second.output()).not.toBe(0);
      expect(second.output()).toContain('The embedded PostgreSQL did not start');
      expect(second.output()).toContain('Another RyTask (or PostgreSQL) is already running on the data in');
      expect(second.output()).toContain('lock file "postmaster.pid" already exists');
      expect(second.output()).not.toContain('    at '); // a refusal, not a crash with a stack
      expect(second.stdout()).not.toMatch(RUNNING);

      expect((await fetch(`http://localhost:${setup.port}/readyz`)).status).toBe(200);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'stops api, worker and PostgreSQL cleanly on SIGINT to the node process alone, finishing requests in flight, exiting 0',
    async () => {
      // A login whose body is still arriving when the signal comes: in flight for certain.
      const body = JSON.stringify({ email: credentials!.email, password: credentials!.password });
      let answered!: (status: number) => void;
      const status = new Promise<number>((resolve) => (answered = resolve));
      const request = httpRequest(
        { host: '127.0.0.1', port: setup.port, method: 'POST', path: '/api/v1/auth/login', headers: { 'content-type': 'application/json', 'x-rytask-csrf': '1', 'content-length': Buffer.byteLength(body) } },
        (response) => {
          response.resume();
          answered(response.statusCode ?? 0);
        },
      );
      request.on('error', () => answered(-1));
      request.write(body.slice(0, 10));
      await new Promise((resolve) => setTimeout(resolve, 300));
      first.child.kill('SIGINT');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await accepts(setup.port), 'no new connections once shutting down').toBe(false);
      request.end(body.slice(10));
      expect(await status).toBe(200);
      const { code, signal } = await first.waitForExit();
      expect({ code, signal }, first.output()).toEqual({ code: 0, signal: null });
      expect(await accepts(setup.port)).toBe(false);
      expect(await accepts(setup.pgPort)).toBe(false);
      // PostgreSQL removes its pid file only on a clean shutdown.
      expect(existsSync(join(setup.dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'reuses the data on the next start: nothing to migrate, no new password, the same login works',
    async () => {
      expect(credentials, 'needs the password from the first start').toBeDefined();
      const again = startRytask(setup);
      await again.waitForStdout(RUNNING);
      expect(again.stdout()).toContain('Nothing to migrate');
      expect(again.stdout()).not.toMatch(PASSWORD_LINE);
      expect(again.stdout()).not.toContain('Initialising the embedded PostgreSQL');

      const session = await login(setup.port, credentials!.email, credentials!.password);
      expect(session.status).toBe(200);
      expect(session.body.user).toMatchObject({ email: 'admin@rytask.local', mustChangePassword: true });

      // Ctrl-C in a terminal signals the whole process group, PostgreSQL included.
      process.kill(-again.child.pid!, 'SIGINT');
      const { code, signal } = await again.waitForExit();
      expect({ code, signal }, again.output()).toEqual({ code: 0, signal: null });
      expect(await accepts(setup.pgPort)).toBe(false);
      expect(existsSync(join(setup.dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    },
    TEST_TIMEOUT_MS,
  );
});
