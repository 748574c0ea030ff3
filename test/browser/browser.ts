import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { TestUser } from '../support/api';
import { startTestServer } from '../support/server';

const CHROMIUM = '/usr/bin/chromium';
const WEB_INDEX = fileURLToPath(new URL('../../apps/web/dist/index.html', import.meta.url));

/** The system Chromium, headless, with everything that would reach the network switched off. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Browser tests need Chromium at ${CHROMIUM}: run \`apt-get install -y chromium\`.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The api serves the built web app; without a build every page would be the api's 404. */
export function assertWebBuilt(): void {
  if (!existsSync(WEB_INDEX)) {
    throw new Error(
      'apps/web/dist is missing: run `npm run build -w @rytask/web` (`npm test` builds it first).',
    );
  }
}

/** Fills and submits the login form the way a person would. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  const form = page.getByTestId('login-form');
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

// The user guide's pictures are refreshed only on request (`npm run screenshots`), so an ordinary
// test run leaves the working tree clean; otherwise they go to a scratch folder to look at.
const SCREENSHOTS = process.env.RYTASK_SCREENSHOTS === '1'
  ? fileURLToPath(new URL('../../docs/screenshots/', import.meta.url))
  : join(tmpdir(), 'rytask-screenshots/');

/**
 * A browser tab signed in with an existing session cookie (from test/support/api.ts), so a test
 * can start where it needs to be instead of walking through the login form every time.
 */
export async function openSignedIn(
  browser: Browser,
  baseUrl: string,
  cookie: string,
  options: { colorScheme?: 'light' | 'dark'; path?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1360, height: 860 },
  });
  const [name, value] = cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: baseUrl }]);
  const page = await context.newPage();
  await page.goto(`${baseUrl}${options.path ?? '/'}`);
  await page.getByTestId('app-shell').waitFor();
  return { context, page };
}

/**
 * Saves <name>-light.png and -dark.png (docs/screenshots/ with RYTASK_SCREENSHOTS=1) for the user
 * guide: the same page twice, switching the emulated colour scheme in between.
 */
export async function screenshotBothSchemes(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // Let transitions and lazy images settle before the picture is taken.
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${SCREENSHOTS}${name}-${scheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

export interface BrowserApp {
  server: Awaited<ReturnType<typeof startTestServer>>;
  browser: Browser;
  /** A tab signed in as `user` at `path`, closed after the test. */
  open(user: TestUser, path?: string): Promise<Page>;
  /** Closes a context the test made itself after the test. */
  track(context: BrowserContext): void;
}

/**
 * One api on its own database and one Chromium for a test file (`const app = useBrowserApp()` at
 * the top of a describe block); the tabs a test opens are closed after it.
 */
export function useBrowserApp(): BrowserApp {
  const contexts: BrowserContext[] = [];
  const app = {
    track: (context: BrowserContext) => void contexts.push(context),
    async open(user: TestUser, path = '/') {
      const { context, page } = await openSignedIn(app.browser, app.server.url, user.cookie, { path });
      contexts.push(context);
      return page;
    },
  } as BrowserApp;
  beforeAll(async () => {
    assertWebBuilt();
    app.browser = await launchBrowser();
    app.server = await startTestServer();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}
