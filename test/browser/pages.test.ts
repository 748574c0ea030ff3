// The rest of the web app in a real browser: lists and saved views, conflicts, search, tokens,
// profile and appearance, the 404 page — with screenshots of each page for the user guide.
import type { Item, Project } from '@rytask/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createOrganization } from '../support/api';
import { createItem, createProject, ok } from '../support/work';
import { useBrowserApp, screenshotBothSchemes } from './browser';

describe('the web app’s other pages', () => {
  const app = useBrowserApp();

  const open = app.open;

  async function rowKeys(page: Page): Promise<string[]> {
    return page
      .getByTestId('item-table')
      .locator('tr[data-testid^="row-"]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-testid')!.slice(4)));
  }

  it('filters, sorts and groups the list, and saves the filters as a view in the side nav', async () => {
    const org = await createOrganization(app.server.app, app.server.databaseUrl, 'Harbor IT');
    const project: Project = await createProject(org.owner, { key: 'OPS', name: 'Operations' });
    await createItem(org.owner, project.id, { title: 'Patch the VPN', priority: 'urgent', assigneeId: org.member.id, labels: ['security'] });
    await createItem(org.owner, project.id, { title: 'Order laptops', priority: 'low', assigneeId: org.admin.id });
    await createItem(org.owner, project.id, { title: 'Rotate API keys', priority: 'high', assigneeId: org.member.id, labels: ['security'] });
    await createItem(org.owner, project.id, { title: 'Plan the offsite', priority: 'none' });

    const page = await open(org.member, '/projects/OPS/list');
    await page.getByTestId('item-table').waitFor();
    expect((await rowKeys(page)).sort()).toEqual(['OPS-1', 'OPS-2', 'OPS-3', 'OPS-4']);

    // Sorting by priority puts urgent first; the header says how it is sorted.
    await page.getByRole('button', { name: 'Priority' }).click();
    await expect.poll(() => rowKeys(page)).toEqual(['OPS-1', 'OPS-3', 'OPS-2', 'OPS-4']);
    expect(await page.getByRole('columnheader', { name: /Priority/ }).getAttribute('aria-sort')).toBe('ascending');

    // "My work" is the built-in list of what is assigned to me.
    await page.getByRole('button', { name: 'My work' }).click();
    await expect.poll(async () => (await rowKeys(page)).sort()).toEqual(['OPS-1', 'OPS-3']);
    await page.getByRole('button', { name: 'All', exact: true }).click();

    // Filters live in the address bar; a label filter and grouping by assignee.
    await page.getByLabel('Label', { exact: true }).selectOption({ label: 'security' });
    await expect.poll(async () => (await rowKeys(page)).sort()).toEqual(['OPS-1', 'OPS-3']);
    expect(page.url()).toContain('label=');
    await page.getByLabel('Group by', { exact: true }).selectOption('assignee');
    await page.locator('.item-table__group', { hasText: org.member.name }).waitFor();
    await screenshotBothSchemes(page, 'list-grouped');

    // j / k move through the rows.
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await page.keyboard.press('j');
    expect(await page.locator(':focus').textContent()).toBe('Patch the VPN');
    await page.keyboard.press('j');
    expect(await page.locator(':focus').textContent()).toBe('Rotate API keys');
    await page.keyboard.press('k');
    expect(await page.locator(':focus').textContent()).toBe('Patch the VPN');

    // Save it as a personal view: it appears in the side nav and reopens with the same filters.
    await page.getByTestId('save-view').click();
    const dialog = page.getByTestId('save-view-dialog');
    await dialog.getByLabel('Name').fill('Security work');
    await screenshotBothSchemes(page, 'save-view');
    await dialog.getByRole('button', { name: 'Save view' }).click();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Security work' }).waitFor();
    await page.getByRole('link', { name: 'Projects', exact: true }).click();
    await nav.getByRole('link', { name: 'Security work' }).click();
    await page.getByRole('heading', { level: 1, name: 'Security work' }).waitFor();
    await expect.poll(async () => (await rowKeys(page)).sort()).toEqual(['OPS-1', 'OPS-3']);
    const views = await ok(org.member, 'GET', '/api/v1/views');
    expect(views.views).toMatchObject([{ name: 'Security work', shared: false, projectId: project.id, query: { groupBy: 'assignee' } }]);
  });

  it('says so in plain words when someone else changed the item first, and reloads on request; a refused move rolls back', async () => {
    const org = await createOrganization(app.server.app, app.server.databaseUrl, 'Northwind');
    const project: Project = await createProject(org.owner, { key: 'OPS', name: 'Operations' });
    const item: Item = await createItem(org.owner, project.id, { title: 'Update the runbook' });
    const page = await open(org.member, '/items/OPS-1');
    await page.getByTestId('item-page').waitFor();

    // Someone else saves while the page is open…
    await ok(org.admin, 'PATCH', `/api/v1/items/${item.id}`, { version: item.version, title: 'Update the on-call runbook' });
    // …so this change is refused, not silently written over theirs.
    await page.getByTestId('field-priority').selectOption('high');
    const conflict = page.getByTestId('item-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Someone else changed this item');
    await screenshotBothSchemes(page, 'item-conflict');
    await conflict.getByRole('button', { name: 'Reload' }).click();
    await page.getByTestId('item-title').filter({ hasText: 'Update the on-call runbook' }).waitFor();
    expect(await page.getByTestId('field-priority').inputValue()).toBe('none');
    await page.getByTestId('field-priority').selectOption('high');
    await expect.poll(async () => ((await ok(org.owner, 'GET', '/api/v1/items/by-key/OPS-1')) as Item).priority).toBe('high');

    // Trash and restore.
    await page.getByRole('button', { name: 'Move to trash' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Move to trash' }).click();
    await page.getByTestId('board').waitFor();
    expect(await page.getByTestId('card-OPS-1').count()).toBe(0);
    await page.goto(`${app.server.url}/items/OPS-1`);
    await page.getByTestId('trash-bar').waitFor();
    await page.getByTestId('trash-bar').getByRole('button', { name: 'Restore' }).click();
    await page.getByTestId('trash-bar').waitFor({ state: 'detached' });

    // A board move based on an outdated version goes back where it was, with a message.
    await page.goto(`${app.server.url}/projects/OPS`);
    await page.getByTestId('card-OPS-1').waitFor();
    const current: Item = await ok(org.owner, 'GET', '/api/v1/items/by-key/OPS-1');
    await ok(org.admin, 'PATCH', `/api/v1/items/${current.id}`, { version: current.version, estimateMinutes: 60 });
    await page.getByTestId('card-OPS-1').focus();
    for (const key of ['Space', 'ArrowRight', 'Space']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(250);
    }
    const toast = page.getByTestId('toasts').getByText(/OPS-1 was changed by someone else meanwhile/);
    await toast.waitFor();
    await page.getByTestId('column-Backlog').getByTestId('card-OPS-1').waitFor();
    expect(((await ok(org.owner, 'GET', '/api/v1/items/by-key/OPS-1')) as Item).statusId).toBe(current.statusId);
  });

  it('searches titles, descriptions and comments, and shows a plain 404 for unknown pages', async () => {
    const org = await createOrganization(app.server.app, app.server.databaseUrl, 'Helpdesk Co');
    const project: Project = await createProject(org.owner, { key: 'SUP', name: 'Support' });
    await createItem(org.owner, project.id, { title: 'Printer on floor 2 jams', description: 'Paper tray **sensor** again.' });
    await createItem(org.owner, project.id, { title: 'New starter laptop' });

    const page = await open(org.member, '/search');
    await page.getByTestId('search-input').fill('sensor');
    await page.getByTestId('search-input').press('Enter');
    const results = page.getByTestId('search-results');
    await results.waitFor();
    expect(await results.textContent()).toContain('Printer on floor 2 jams');
    expect(await results.textContent()).not.toContain('New starter laptop');
    await screenshotBothSchemes(page, 'search');

    await page.getByTestId('search-input').fill('nothing-like-this');
    await page.getByTestId('search-input').press('Enter');
    await page.getByTestId('search-empty').waitFor();

    await page.goto(`${app.server.url}/no/such/page`);
    await page.getByTestId('not-found').waitFor();
    await screenshotBothSchemes(page, 'not-found');
    await page.goto(`${app.server.url}/items/SUP-99`);
    await page.getByText('This item does not exist').waitFor();
  });

  it('creates an access token shown once, lists it and revokes it; the token works until then', async () => {
    const org = await createOrganization(app.server.app, app.server.databaseUrl, 'Bluebird Studio');
    const page = await open(org.member, '/settings/tokens');
    await page.getByText('No tokens yet').waitFor();
    await page.getByLabel('Name').fill('Nightly report');
    await page.getByText('Read only', { exact: true }).click();
    await page.getByTestId('create-token').click();
    const token = await page.getByTestId('token-value').inputValue();
    expect(token).toMatch(/^rtk_/);
    await page.getByTestId('tokens-table').getByText('Nightly report').waitFor();
    await screenshotBothSchemes(page, 'tokens');

    const asToken = { headers: { authorization: `Bearer ${token}` } };
    expect((await page.request.get(`${app.server.url}/api/v1/projects`, asToken)).status()).toBe(200);
    // Read-only: a write is refused.
    const write = await page.request.post(`${app.server.url}/api/v1/labels`, { ...asToken, data: { name: 'nope' } });
    expect(write.status()).toBe(403);

    // Shown once: after a reload only its first characters remain.
    await page.reload();
    await page.getByTestId('tokens-table').waitFor();
    expect(await page.getByTestId('token-value').count()).toBe(0);
    await page.getByRole('button', { name: 'Revoke Nightly report' }).click();
    await page.getByText('No tokens yet').waitFor();
    expect((await page.request.get(`${app.server.url}/api/v1/projects`, asToken)).status()).toBe(401);
  });

  it('changes name and handle on the profile page, and keeps the dark mode choice across reloads', async () => {
    const org = await createOrganization(app.server.app, app.server.databaseUrl, 'Cedar Finance');
    const page = await open(org.member, '/settings/profile');
    const form = page.getByTestId('profile-form');
    await form.getByLabel('Name').fill('Mia Moreno');
    await form.getByLabel('Handle').fill('Bad Handle!');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText(/Use 2–32 lowercase letters/).waitFor();
    await form.getByLabel('Handle').fill('mia');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('Saved.').waitFor();
    expect(await page.getByTestId('user-name').textContent()).toBe('Mia Moreno');
    const members = await ok(org.owner, 'GET', '/api/v1/members');
    expect(members.members.find((member: { id: string }) => member.id === org.member.id)).toMatchObject({ name: 'Mia Moreno', handle: 'mia' });
    await screenshotBothSchemes(page, 'profile');

    // Light system setting, dark chosen in the app: dark it stays, after a reload too.
    const background = () => page.locator('body').evaluate((body) => body.ownerDocument.defaultView?.getComputedStyle(body).backgroundColor);
    const light = await background();
    await page.getByRole('radio', { name: /^Dark/ }).check();
    expect(await background()).not.toBe(light);
    await page.reload();
    await page.getByTestId('profile-form').waitFor();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await background()).not.toBe(light);
    // The header toggle cycles on: dark → as the system (light here).
    await page.getByTestId('theme-toggle').click();
    expect(await page.getByTestId('theme-toggle').getAttribute('data-theme-choice')).toBe('system');
    expect(await background()).toBe(light);
  });

  it('shows the sign-in page, which says what to do about a forgotten password', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1360, height: 860 } });
    app.track(context);
    const page = await context.newPage();
    await page.goto(app.server.url);
    await page.getByTestId('login-form').waitFor();
    expect(await page.getByTestId('forgot-password').textContent()).toContain('Ask whoever runs RyTask');
    await screenshotBothSchemes(page, 'sign-in');
  });
});
