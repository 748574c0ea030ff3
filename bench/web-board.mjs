#!/usr/bin/env node
// Benchmark: how fast the board of a 500-card project becomes interactive in headless Chromium, next
// to the board of an empty project measured in the same run, and how much JavaScript the first page
// load needs (gzipped).
//
// Targets (work-loop issue): the 500-card board is interactive in ≤ 1 s; initial JavaScript ≤ 200 kB
// gzipped. Prints numbers and verdicts; exits 0 whatever they are (no timed assertions).
//
//   node bench/web-board.mjs [--cards 500] [--iterations 7]
//
// "Interactive" = from navigation start until every card is on the page AND the main thread has
// answered a task queued after that (so a long render or layout still in progress counts). Each
// iteration uses a fresh browser context: no cache, no service worker, a real sign-in cookie.
// Needs `npm run build` and Chromium at /usr/bin/chromium (`apt-get install -y chromium`).
/* global document, requestAnimationFrame -- page.evaluate runs in the browser */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { assertBuilt, createProject, generateItems, log, REPO, startStack } from './lib/stack.mjs';

const { values } = parseArgs({
  options: {
    cards: { type: 'string', default: '500' },
    iterations: { type: 'string', default: '7' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('Usage: node bench/web-board.mjs [--cards 500] [--iterations 7]');
  process.exit(0);
}
const CARDS = Number(values.cards);
const ITERATIONS = Number(values.iterations);
if (![CARDS, ITERATIONS].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('--cards and --iterations must be whole numbers > 0.');
  process.exit(2);
}
assertBuilt();
if (!existsSync('/usr/bin/chromium')) {
  console.error('This benchmark needs Chromium at /usr/bin/chromium: apt-get install -y chromium');
  process.exit(1);
}

/** The JavaScript index.html loads before anything else: its entry script and modulepreloads. */
function initialJavaScript() {
  const dist = join(REPO, 'apps/web/dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
  const sizes = files.map((file) => {
    const bytes = readFileSync(join(dist, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return { files: sizes, gzip: sizes.reduce((sum, f) => sum + f.gzip, 0), raw: sizes.reduce((sum, f) => sum + f.raw, 0) };
}

const median = (samples) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

let stack;
let browser;
let exitCode = 0;
try {
  stack = await startStack();
  const full = await createProject(stack, 'BIG', 'Five hundred cards');
  await createProject(stack, 'EMPTY', 'No cards');
  log(`generating ${CARDS} cards`);
  await generateItems(stack, full.id, CARDS);

  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const [name, value] = stack.cookie.split('=');
  const url = new URL(stack.base);

  async function timeBoard(key, expectedCards) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addCookies([{ name, value, domain: url.hostname, path: '/', httpOnly: true, sameSite: 'Lax' }]);
    const page = await context.newPage();
    await page.goto(`${stack.base}/projects/${key}`, { waitUntil: 'commit' });
    const ms = await page.evaluate(async (expected) => {
      const cards = () => document.querySelectorAll('[data-testid^="card-"]').length;
      const board = () => document.querySelector('[data-testid="board"]');
      await new Promise((resolve) => {
        const check = () => (board() && cards() >= expected ? resolve() : requestAnimationFrame(check));
        check();
      });
      // The next frame has been painted and a task queued after it has run: the page answers input.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      return performance.now();
    }, expectedCards);
    const found = await page.locator('[data-testid^="card-"]').count();
    await context.close();
    if (found !== expectedCards) throw new Error(`board ${key} showed ${found} cards, expected ${expectedCards}`);
    return ms;
  }

  log(`timing ${ITERATIONS} loads of each board (after one warm-up each)`);
  await timeBoard('EMPTY', 0);
  await timeBoard('BIG', CARDS);
  const emptyTimes = [];
  const fullTimes = [];
  for (let i = 0; i < ITERATIONS; i++) {
    // Alternate the order so drift hits both alike.
    if (i % 2) {
      fullTimes.push(await timeBoard('BIG', CARDS));
      emptyTimes.push(await timeBoard('EMPTY', 0));
    } else {
      emptyTimes.push(await timeBoard('EMPTY', 0));
      fullTimes.push(await timeBoard('BIG', CARDS));
    }
  }
  const js = initialJavaScript();
  const emptyMedian = median(emptyTimes);
  const fullMedian = median(fullTimes);
  console.log(`\nboard interactive, median of ${ITERATIONS} (min–max), fresh context each time\n`);
  console.log('| board | median | min | max |');
  console.log('|---|---:|---:|---:|');
  console.log(`| empty project (baseline) | ${emptyMedian.toFixed(0)} ms | ${Math.min(...emptyTimes).toFixed(0)} ms | ${Math.max(...emptyTimes).toFixed(0)} ms |`);
  console.log(`| ${CARDS} cards | ${fullMedian.toFixed(0)} ms | ${Math.min(...fullTimes).toFixed(0)} ms | ${Math.max(...fullTimes).toFixed(0)} ms |`);
  console.log(`\n${CARDS} cards cost ${(fullMedian - emptyMedian).toFixed(0)} ms over the empty board. Target ≤ 1000 ms: ${fullMedian <= 1000 ? 'met' : 'MISSED'}`);
  console.log(`\ninitial JavaScript: ${(js.gzip / 1024).toFixed(1)} kB gzipped (${(js.raw / 1024).toFixed(1)} kB raw) in ${js.files.length} file(s). Target ≤ 200 kB: ${js.gzip <= 200 * 1024 ? 'met' : 'MISSED'}`);
  for (const f of js.files) console.log(`  ${f.file}: ${(f.gzip / 1024).toFixed(1)} kB gzipped`);
} catch (error) {
  console.error(`Benchmark failed: ${error.stack ?? error}`);
  exitCode = 1;
} finally {
  await browser?.close();
  await stack?.stop();
}
process.exit(exitCode);
