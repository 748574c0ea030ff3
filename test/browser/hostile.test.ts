// Script in titles, descriptions, comments, labels, names and views is rendered inert on every page
// that shows it, and hostile filter and search input is harmless: nothing executes, no dialog opens,
// no element from the input appears in the page, and the pages keep working.
import { createDatabase } from '@rytask/db';
import { jobs } from '@rytask/worker';
import pino from 'pino';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createOrganization, type TestUser } from '../support/api';
import { createItem, createProject, ok } from '../support/work';
import { useBrowserApp } from './browser';

// Each payload sets window.__pwned (or opens a dialog) if it ever runs.
const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '<svg onload="window.__pwned=3"></svg>',
  '"><iframe srcdoc="<script>parent.__pwned=4</script>"></iframe>',
  '[click](javascript:window.__pwned=5)',
  '<a href="javascript:window.__pwned=6">x</a>',
];
const HOSTILE = PAYLOADS.join(' ');

describe('hostile content in the browser', () => {
  const app = useBrowserApp();
  const dialogs: string[] = [];

  async function open(user: TestUser, path: string): Promise<Page> {
    const page = await app.open(user, path);
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    return page;
  }

  async function assertInert(page: Page, where: string) {
    // Give any injected handler (onerror, onload) the chance to run.
    await page.waitForTimeout(300);
    // Runs in the page (test code is typechecked without the DOM library, hence the casts).
    const state = await page.evaluate(() => {
      const page = globalThis as unknown as { __pwned?: number; document: { querySelectorAll(selector: string): { length: number } } };
      return {
        pwned: page.__pwned ?? null,
        injected: page.document.querySelectorAll('img[src="x"], script:not([src]), iframe, svg[onload], a[href^="javascript:"]').length,
      };
    });
    expect(state, where).toEqual({ pwned: null, injected: 0 });
  }

  it('renders hostile titles, descriptions, comments, labels, names and views as text on every page', async () => {
    const org = await createOrganization(app.server.app, app.server.databaseUrl, 'Hostile');
    // A person whose name is an attack, and mentions of them.
    await ok(org.member, 'PATCH', '/api/v1/me', { name: '<img src=x onerror="window.__pwned=7">' });
    const project = await createProject(org.owner, { key: 'EVIL', name: '<img src=x onerror="window.__pwned=8">' });
    const item = await createItem(org.owner, project.id, {
      title: HOSTILE.slice(0, 480),
      description: `${HOSTILE}\n\n**bold** @${org.member.handle}`,
      labels: ['<b>x</b>', '"><img src=x>'],
      assigneeId: org.member.id,
      priority: 'high',
    });
    await ok(org.owner, 'POST', `/api/v1/items/${item.id}/comments`, { body: `${HOSTILE} @${org.member.handle}` });
    await ok(org.owner, 'POST', '/api/v1/views', { name: HOSTILE.slice(0, 80), shared: true, query: { q: '<script>' } });
    const handle = createDatabase(app.server.databaseUrl, { max: 1 });
    try {
      await jobs.find((job) => job.id === 'deliver-notifications')!.run({}, { db: handle.db, log: pino({ level: 'silent' }) });
    } finally {
      await handle.close();
    }

    for (const path of ['/', '/projects/EVIL', '/projects/EVIL/list', `/items/${item.key}`, '/inbox', '/settings/members']) {
      const page = await open(org.member, path);
      await page.getByTestId('app-shell').waitFor();
      await page.waitForLoadState('networkidle');
      await assertInert(page, path);
    }
    // The item page shows the attack as text: the words are there, the elements are not.
    const itemPage = await open(org.member, `/items/${item.key}`);
    await itemPage.getByText('window.__pwned=1', { exact: false }).first().waitFor();
    await assertInert(itemPage, 'item page text');
    expect(dialogs).toEqual([]);
  });

  it('takes hostile filter and search input without breaking', async () => {
    const org = await createOrganization(app.server.app, app.server.databaseUrl, 'Hostile input');
    const project = await createProject(org.owner, { key: 'SAFE', name: 'Safe' });
    await createItem(org.owner, project.id, { title: 'An ordinary item' });
    const page = await open(org.member, '/');
    for (const q of ['<script>window.__pwned=9</script>', "' OR 1=1 --", '%_\\ &|!():* "unterminated', 'a'.repeat(190), '💥 ünïcödé']) {
      for (const path of [`/search?q=${encodeURIComponent(q)}`, `/projects/SAFE/list?q=${encodeURIComponent(q)}`]) {
        await page.goto(`${app.server.url}${path}`);
        await page.getByTestId('app-shell').waitFor();
        await page.waitForLoadState('networkidle');
        await assertInert(page, `${path}`);
      }
    }
    // The app is still alive: the unfiltered list shows the item.
    await page.goto(`${app.server.url}/projects/SAFE/list`);
    await page.getByText('An ordinary item').waitFor();
    expect(dialogs).toEqual([]);
  });
});
