// The work loop in a real browser against a real api and database: projects, quick-add, the board,
// comments reaching another person's inbox, and a viewer who joins by invite and can change nothing.
// Every test makes its own organization and people, so tests never depend on each other.
import type { Item, Project } from '@rytask/contracts';
import { createDatabase } from '@rytask/db';
import { jobs } from '@rytask/worker';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createOrganization, TEST_PASSWORD, type TestUser } from '../support/api';
import { createItem, createProject, ok } from '../support/work';
import { signIn, useBrowserApp, screenshotBothSchemes } from './browser';

describe('the work loop in the web app', () => {
  const app = useBrowserApp();

  const open = app.open;

  /** 'YYYY-MM-DD' of today + `days` in the organization's time zone, the way quick-add reads dates. */
  async function dayFromToday(user: TestUser, days: number): Promise<string> {
    const { timeZone } = await ok(user, 'GET', '/api/v1/organization');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    const date = new Date(`${today}T12:00:00Z`);
    date.setUTCDate(date.getUTCDate() + days);
    return date.toISOString().slice(0, 10);
  }

  it('creates a project from the empty projects page, with the key checked as it is typed', async () => {
    const org = await createOrganization(app.server.app, app.server.databaseUrl, 'Northwind');
    const page = await open(org.owner);

    await page.getByTestId('projects-empty').waitFor();
    await screenshotBothSchemes(page, 'projects-empty');
    await page.getByTestId('projects-empty').getByRole('button', { name: 'New project' }).click();
    const dialog = page.getByTestId('create-project-dialog');
    await dialog.getByLabel('Name').fill('Customer Support');
    // The key is suggested from the name…
    expect(await dialog.getByLabel('Key').inputValue()).toBe('CS');
    // …and checked in plain words while it is edited.
    await dialog.getByLabel('Key').fill('1X');
    await dialog.getByText('Start the key with a letter').waitFor();
    await dialog.getByLabel('Key').fill('SUP');
    await dialog.getByText('Items will be numbered SUP-1, SUP-2, …').waitFor();
    await screenshotBothSchemes(page, 'project-create');
    await dialog.getByRole('button', { name: 'Create project' }).click();

    // Straight to the new, empty board; the project is in the side nav.
    await page.getByTestId('board').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Customer Support');
    expect(await page.getByTestId('column-Backlog').getByText('No items').count()).toBe(1);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Customer Support/ }).waitFor();

    // A second project with a taken key is refused in words.
    await page.getByRole('link', { name: 'Projects', exact: true }).click();
    await page.getByTestId('project-list').waitFor();
    await screenshotBothSchemes(page, 'projects');
    await page.getByRole('button', { name: 'New project' }).click();
    await dialog.getByLabel('Name').fill('Support again');
    await dialog.getByLabel('Key').fill('SUP');
    await dialog.getByRole('button', { name: 'Create project' }).click();
    const problem = dialog.locator('.field__error, [role="alert"]');
    await problem.first().waitFor();
    expect((await problem.first().textContent())?.trim()).not.toBe('');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('quick-adds an item with every token and shows each field set on the item page', async () => {
    const org = await createOrganization(app.server.app, app.server.databaseUrl, 'Bluebird Studio');
    const project: Project = await createProject(org.owner, { key: 'OPS', name: 'Operations' });
    const tomorrow = await dayFromToday(org.owner, 1);
    const page = await open(org.owner, '/projects/OPS');
    await page.getByTestId('board').waitFor();

    // `c` opens quick-add from anywhere but a text field.
    await page.keyboard.press('c');
    const dialog = page.getByTestId('quick-add-dialog');
    await dialog.waitFor();
    expect(await page.getByTestId('quick-add-project').inputValue()).toBe(project.id);
    const input = page.getByTestId('quick-add-input');
    await input.pressSequentially(`Fix login redirect @${org.member.handle} #auth !high ^tomorrow ~2h`);

    // Every token is highlighted live, by the same parser the server uses.
    for (const kind of ['assignee', 'label', 'priority', 'due', 'estimate']) {
      await dialog.locator(`mark[data-token="${kind}"]`).waitFor();
    }
    const preview = page.getByTestId('quick-add-preview');
    expect(await preview.textContent()).toContain('Fix login redirect');
    expect(await preview.textContent()).toContain(org.member.name);
    expect(await preview.textContent()).toContain('auth (new)');
    await screenshotBothSchemes(page, 'quick-add');

    await input.press('Enter');
    const created = page.getByTestId('quick-add-created');
    await created.waitFor();
    expect(await created.textContent()).toContain('OPS-1 Fix login redirect');
    await created.click();

    const item = page.getByTestId('item-page');
    await item.waitFor();
    expect(await page.getByTestId('item-title').textContent()).toBe('Fix login redirect');
    expect(await page.getByTestId('field-assignee').inputValue()).toBe(org.member.id);
    expect(await page.getByTestId('field-priority').inputValue()).toBe('high');
    expect(await page.getByTestId('field-due').inputValue()).toBe(tomorrow);
    expect(await page.getByTestId('field-estimate').inputValue()).toBe('2h');
    expect(await page.getByTestId('item-labels').textContent()).toContain('auth');
    await screenshotBothSchemes(page, 'item');

    // Tokens that do not resolve stay in the title and are reported back.
    await page.keyboard.press('c');
    await input.pressSequentially('Call the vendor @nobody-here');
    await input.press('Enter');
    await page.getByTestId('quick-add-problems').waitFor();
    expect(await page.getByTestId('quick-add-problems').textContent()).toContain('@nobody-here');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // `/` focuses search; an item key jumps straight to the item.
    await page.keyboard.press('/');
    await page.keyboard.type('ops-2');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/items\/OPS-2$/);
    expect(await page.getByTestId('item-title').textContent()).toBe('Call the vendor @nobody-here');
  });

  it('moves a card to another column by dragging it, and it stays there after a reload', async () => {
    const org = await createOrganization(app.server.app, app.server.databaseUrl, 'Harbor IT');
    const project: Project = await createProject(org.owner, { key: 'WEB', name: 'Website' });
    const todo = project.statuses.find((status) => status.name === 'Todo')!;
    const inProgress = project.statuses.find((status) => status.name === 'In progress')!;
    for (const title of ['Draft the homepage copy', 'Pick a font', 'Compress images']) {
      await createItem(org.member, project.id, { title, statusId: todo.id, priority: 'medium' });
    }
    const page = await open(org.member, '/projects/WEB');
    const card = page.getByTestId('card-WEB-2');
    await card.waitFor();
    await screenshotBothSchemes(page, 'board');

    const from = (await card.boundingBox())!;
    const target = (await page.getByTestId('column-In progress').boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    // dnd-kit starts a drag after a few pixels of movement; glide there like a hand would.
    await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 4, { steps: 4 });
    await page.mouse.move(target.x + target.width / 2, target.y + 70, { steps: 16 });
    await page.mouse.up();

    await page.getByTestId('column-In progress').getByTestId('card-WEB-2').waitFor();
    // Saved through /move: the API says so, and a reload shows the same board.
    await expect.poll(async () => ((await ok(org.member, 'GET', `/api/v1/items/by-key/WEB-2`)) as Item).statusId).toBe(inProgress.id);
    await page.reload();
    await page.getByTestId('column-In progress').getByTestId('card-WEB-2').waitFor();
    expect(await page.getByTestId('column-Todo').getByTestId('card-WEB-2').count()).toBe(0);

    // With the keyboard: j/k move through cards, Space picks one up, arrows move it, Space drops.
    await page.getByTestId('card-WEB-1').focus();
    await page.keyboard.press('j');
    expect(await page.locator(':focus').getAttribute('data-testid')).toBe('card-WEB-3');
    // dnd-kit measures and animates between key presses; give each step a moment, as a person would.
    for (const key of ['Space', 'ArrowUp', 'Space']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(250);
    }
    await expect
      .poll(async () => page.getByTestId('column-Todo').locator('[data-nav-item]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-testid'))))
      .toEqual(['card-WEB-3', 'card-WEB-1']);
    await page.reload();
    await page.getByTestId('card-WEB-3').waitFor();
    expect(
      await page.getByTestId('column-Todo').locator('[data-nav-item]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-testid'))),
    ).toEqual(['card-WEB-3', 'card-WEB-1']);

    // The list view of the same project, and Enter on a card opens it.
    await page.getByRole('link', { name: 'List' }).click();
    await page.getByTestId('item-table').waitFor();
    await screenshotBothSchemes(page, 'list');
    await page.getByRole('link', { name: 'Board' }).click();
    await page.getByTestId('card-WEB-3').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/items\/WEB-3$/);
  });

  it('asks for a board’s data from the page itself, each request once, and starts over cleanly for a signed-out visitor', async () => {
    const org = await createOrganization(app.server.app, app.server.databaseUrl, 'Quay Works');
    const project: Project = await createProject(org.owner, { key: 'QW', name: 'Quay' });
    await createItem(org.member, project.id, { title: 'Fix the gate sensor' });
    const page = await open(org.member, '/');
    const asked: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/')) asked.push(`${request.method()} ${url.pathname}${url.search}`);
    });
    // index.html asks for these before the app's JavaScript runs; the app takes those answers
    // instead of asking again (lib/api-client.ts). A duplicate means the two fell out of step.
    await page.goto(`${app.server.url}/projects/qw`);
    await page.getByTestId('card-QW-1').waitFor();
    for (const [kind, request] of [
      ['GET /api/v1/auth/session', 'GET /api/v1/auth/session'],
      ['GET /api/v1/organization', 'GET /api/v1/organization'],
      ['GET /api/v1/projects', 'GET /api/v1/projects?archived=true'],
      ['GET /api/v1/items', 'GET /api/v1/items?projectKey=QW&sort=board&limit=1000'],
    ]) {
      expect(asked.filter((made) => made.split('?')[0] === kind)).toEqual([request]);
    }

    // Signed out, the same early requests are answered 401: the sign-in page shows, and after
    // signing in the board loads its data afresh.
    const context = await app.browser.newContext();
    app.track(context);
    const visitor = await context.newPage();
    await visitor.goto(`${app.server.url}/projects/QW`);
    await signIn(visitor, org.member.email, TEST_PASSWORD);
    await visitor.getByTestId('card-QW-1').waitFor();
    expect(await visitor.getByTestId('board').getAttribute('aria-label')).toBe('Quay board');
  });

  it('fills in the details of the cards far down a long column, which can be opened and moved from the start', async () => {
    const org = await createOrganization(app.server.app, app.server.databaseUrl, 'Long Haul');
    const project: Project = await createProject(org.owner, { key: 'LH', name: 'Long haul' });
    const todo = project.statuses.find((status) => status.name === 'Todo')!;
    const inProgress = project.statuses.find((status) => status.name === 'In progress')!;
    // More cards than two window heights hold: the last ones start as key and title only.
    for (let n = 1; n <= 45; n++) {
      await createItem(org.member, project.id, { title: `Crate ${n}`, statusId: todo.id, priority: 'high', assigneeId: org.member.id });
    }
    const page = await open(org.member, '/projects/LH');
    const last = page.getByTestId('card-LH-45');
    await last.waitFor();
    expect(await last.getAttribute('aria-label')).toBe('LH-45: Crate 45');
    // Filled in while the page is idle, without scrolling to it.
    await expect.poll(() => last.locator('.priority--high').count()).toBe(1);
    expect(await last.getByRole('img', { name: org.member.name }).count()).toBe(1);

    // Movable like any card: to the next column with the keyboard, and saved there.
    await last.focus();
    for (const key of ['Space', 'ArrowRight', 'Space']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(250);
    }
    await page.getByTestId('column-In progress').getByTestId('card-LH-45').waitFor();
    await expect.poll(async () => ((await ok(org.member, 'GET', '/api/v1/items/by-key/LH-45')) as Item).statusId).toBe(inProgress.id);
    await page.getByTestId('card-LH-44').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/items\/LH-44$/);
  });

  it('puts a comment mentioning someone into their inbox, once the worker has delivered it', async () => {
    const org = await createOrganization(app.server.app, app.server.databaseUrl, 'Acme Platform');
    const project: Project = await createProject(org.owner, { key: 'OPS', name: 'Operations' });
    await createItem(org.owner, project.id, { title: 'Renew the TLS certificate', description: 'Expires **Friday**.' });

    const author = await open(org.owner, '/items/OPS-1');
    await author.getByTestId('item-page').waitFor();
    const composer = author.getByTestId('comment-input');
    await composer.pressSequentially(`Can you take this, @${org.member.handle.slice(0, 3)}`);
    // The mention is suggested while typing; Enter picks it.
    await author.getByRole('option', { name: new RegExp(`@${org.member.handle}`) }).waitFor();
    await composer.press('Enter');
    await composer.pressSequentially('before Friday?');
    expect(await composer.inputValue()).toBe(`Can you take this, @${org.member.handle} before Friday?`);
    await author.getByRole('button', { name: 'Comment', exact: true }).click();
    const comment = author.getByTestId('comment');
    await comment.waitFor();
    // The server renders the mention as a link.
    await comment.locator('.markdown a').filter({ hasText: `@${org.member.handle}` }).waitFor();

    // The worker's job turns the activity into notifications (here run directly, as the worker would).
    const deliver = jobs.find((job) => job.id === 'deliver-notifications')!;
    const handle = createDatabase(app.server.databaseUrl, { max: 1 });
    try {
      await deliver.run({}, { db: handle.db, log: pino({ level: 'silent' }) });
    } finally {
      await handle.close();
    }

    const reader = await open(org.member, '/');
    await reader.getByTestId('inbox-unread').waitFor();
    expect(await reader.getByTestId('inbox-unread').textContent()).toBe('1');
    await reader.getByTestId('nav-inbox').click();
    const notification = reader.getByTestId('notification').first();
    await notification.waitFor();
    expect(await notification.getAttribute('data-kind')).toBe('mentioned');
    expect(await notification.textContent()).toContain(org.owner.name);
    expect(await notification.textContent()).toContain('OPS-1 Renew the TLS certificate');
    await screenshotBothSchemes(reader, 'inbox');

    await notification.getByRole('link', { name: /OPS-1/ }).click();
    await reader.getByTestId('item-page').waitFor();
    expect(await reader.getByTestId('comment').textContent()).toContain('before Friday?');
    await expect.poll(async () => reader.getByTestId('inbox-unread').count()).toBe(0);

    // The author edits their comment: it is marked as edited.
    await comment.getByRole('button', { name: 'Edit' }).click();
    await comment.getByRole('combobox').fill(`Can you take this, @${org.member.handle}, before Thursday?`);
    await comment.getByRole('button', { name: 'Save' }).click();
    await comment.getByText('(edited)').waitFor();
    await screenshotBothSchemes(author, 'item-comments');

    // The mention links to the person: who they are and their open work.
    await comment.locator('.markdown a').filter({ hasText: `@${org.member.handle}` }).click();
    await author.getByRole('heading', { level: 1, name: org.member.name }).waitFor();
    expect(author.url()).toBe(`${app.server.url}/people/${org.member.id}`);
  });

  it('lets an invited viewer in through the link, then shows no edit controls and the API refuses writes', async () => {
    const org = await createOrganization(app.server.app, app.server.databaseUrl, 'Cedar Finance');
    const project: Project = await createProject(org.owner, { key: 'FIN', name: 'Finance' });
    await createItem(org.owner, project.id, { title: 'Close the books', priority: 'high' });

    const owner = await open(org.owner, '/settings/members');
    await owner.getByTestId('members-table').waitFor();
    await owner.getByTestId('invite-role').selectOption('VIEWER');
    await owner.getByLabel(/^Email/).fill('vera@example.test');
    await owner.getByTestId('create-invite').click();
    const link = await owner.getByTestId('invite-url').inputValue();
    expect(link).toMatch(/\/invite\/[^/]+$/);
    await owner.getByTestId('pending-invites').getByText('vera@example.test').waitFor();
    await screenshotBothSchemes(owner, 'members');

    // A fresh browser, signed out, opens the link (its host is the configured public URL).
    const context = await app.browser.newContext({ viewport: { width: 1360, height: 860 } });
    app.track(context);
    const guest = await context.newPage();
    await guest.goto(`${app.server.url}${new URL(link).pathname}`);
    const form = guest.getByTestId('invite-form');
    await form.waitFor();
    expect(await form.textContent()).toContain('You are invited as a viewer');
    await screenshotBothSchemes(guest, 'invite');
    await form.getByLabel('Email').fill('vera@example.test');
    await form.getByLabel('Your name').fill('Vera Viewer');
    await form.getByLabel('Handle').fill('vera');
    await form.getByLabel('Password').fill('a long enough viewer password');
    await form.getByRole('button', { name: /^Join/ }).click();
    await guest.getByTestId('app-shell').waitFor();
    expect(await guest.getByTestId('user-role').textContent()).toBe('Viewer');

    // The link worked once: it is no longer pending.
    await owner.reload();
    await owner.getByTestId('members-table').getByText('vera@example.test').waitFor();
    await owner.getByText('No pending invites.').waitFor();

    // No edit controls anywhere a viewer goes.
    await guest.goto(`${app.server.url}/projects/FIN`);
    await guest.getByTestId('card-FIN-1').waitFor();
    expect(await guest.getByTestId('quick-add-button').count()).toBe(0);
    expect(await guest.getByRole('button', { name: /Add an item/ }).count()).toBe(0);
    expect(await guest.getByTestId('card-FIN-1').getAttribute('aria-roledescription')).toBe('card');
    await guest.keyboard.press('c');
    expect(await guest.getByTestId('quick-add-dialog').count()).toBe(0);

    await guest.goto(`${app.server.url}/items/FIN-1`);
    await guest.getByTestId('item-page').waitFor();
    const properties = guest.getByTestId('item-properties');
    expect(await properties.locator('select, input, textarea').count()).toBe(0);
    expect(await guest.getByRole('button', { name: /Edit|Move to trash|Watch|Change labels|Add/ }).count()).toBe(0);
    expect(await guest.getByTestId('comment-input').count()).toBe(0);
    expect(await guest.getByTestId('subtask-input').count()).toBe(0);
    expect(await properties.textContent()).toContain('High');
    await screenshotBothSchemes(guest, 'item-viewer');

    await guest.goto(`${app.server.url}/projects/FIN/list`);
    await guest.getByTestId('item-table').waitFor();
    expect(await guest.getByTestId('save-view').count()).toBe(0);
    await guest.goto(`${app.server.url}/`);
    await guest.getByTestId('project-list').waitFor();
    expect(await guest.getByRole('button', { name: 'New project' }).count()).toBe(0);

    // And a direct write with the viewer's own session is refused.
    const csrf = { 'x-rytask-csrf': '1' };
    const create = await guest.request.post(`${app.server.url}/api/v1/projects/${project.id}/items`, { headers: csrf, data: { title: 'Sneaky' } });
    expect(create.status()).toBe(403);
    const item: Item = await ok(org.owner, 'GET', '/api/v1/items/by-key/FIN-1');
    const edit = await guest.request.patch(`${app.server.url}/api/v1/items/${item.id}`, { headers: csrf, data: { version: item.version, title: 'Changed' } });
    expect(edit.status()).toBe(403);
    expect(((await ok(org.owner, 'GET', '/api/v1/items/by-key/FIN-1')) as Item).title).toBe('Close the books');
  });
});
