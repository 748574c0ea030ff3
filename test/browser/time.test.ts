// Time tracking in a real browser against a real api and database: timers that survive a reload,
// manual entries and the plan-vs-actual meter, the Reports page adding up exactly the entries
// made, My week, and a viewer who sees time but no timer. Screenshots for the user guide.
import type { Item, MyWeek, Project, TimeEntry } from '@rytask/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createOrganization, type TestUser } from '../support/api';
import { createItem, createProject, ok } from '../support/work';
import { screenshotBothSchemes, useBrowserApp } from './browser';

describe('time tracking in the web app', () => {
  const app = useBrowserApp();
  const open = app.open;

  /** The organization's calendar: today ('YYYY-MM-DD' in its time zone) and the day its weeks start. */
  async function calendar(user: TestUser) {
    const { timeZone, weekStart } = await ok(user, 'GET', '/api/v1/organization');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    const shift = (day: string, days: number) => {
      const date = new Date(`${day}T12:00:00Z`);
      date.setUTCDate(date.getUTCDate() + days);
      return date.toISOString().slice(0, 10);
    };
    const weekday = new Date(`${today}T12:00:00Z`).getUTCDay();
    const thisWeek = shift(today, -((weekday - (weekStart as number) + 7) % 7));
    return { today, thisWeek, lastWeek: shift(thisWeek, -7), shift };
  }

  async function entriesOf(user: TestUser, item: { id: string }): Promise<{ entries: TimeEntry[]; loggedSeconds: number }> {
    return ok(user, 'GET', `/api/v1/items/${item.id}/time-entries`);
  }

  const meter = (page: Page, scope = 'item-properties') => page.getByTestId(scope).getByTestId('time-meter');

  it('starts a timer on a card, keeps it running in the header across a reload, and logs an entry when it stops; starting another stops the first', async () => {
    const org = await createOrganization(app.server.app, app.server.databaseUrl, 'Harbor IT');
    const project: Project = await createProject(org.owner, { key: 'OPS', name: 'Operations' });
    const first: Item = await createItem(org.member, project.id, { title: 'Renew the TLS certificate', estimateMinutes: 60 });
    const second: Item = await createItem(org.member, project.id, { title: 'Answer the auditor', priority: 'urgent' });

    const page = await open(org.member, '/projects/OPS');
    await page.getByTestId('card-OPS-1').waitFor();
    expect(await page.getByTestId('header-timer').count()).toBe(0);
    await page.getByRole('button', { name: 'Start a timer on OPS-1' }).click();
    const header = page.getByTestId('header-timer');
    await header.waitFor();
    expect(await header.textContent()).toContain('OPS-1');
    expect(await header.textContent()).toContain('Renew the TLS certificate');
    await page.getByRole('button', { name: 'Stop the timer on OPS-1' }).first().waitFor();
    expect(await page.getByTestId('timer-OPS-1').getAttribute('data-running')).toBe('true');

    // A reload asks the server: the timer is still running, and its clock keeps counting.
    await page.reload();
    await header.waitFor();
    expect(await header.textContent()).toContain('OPS-1');
    const clock = page.getByTestId('header-timer-clock');
    expect(await clock.textContent()).toMatch(/^0:00:\d\d$/);
    const before = await clock.textContent();
    await expect.poll(() => clock.textContent(), { timeout: 5_000 }).not.toBe(before);
    await page.getByTestId('card-OPS-1').waitFor();
    expect(await page.getByTestId('timer-OPS-1').getAttribute('data-running')).toBe('true');
    await screenshotBothSchemes(page, 'timer-running');

    // The header goes everywhere; its link leads to the item.
    await page.getByRole('link', { name: 'Search', exact: true }).click();
    await header.getByRole('link', { name: /OPS-1/ }).click();
    await page.waitForURL(/\/items\/OPS-1$/);
    await page.getByTestId('item-page').waitFor();
    // The running timer is listed with the item's entries, and its button on the page says Stop.
    await page.getByTestId('time-entries').getByText('Running').waitFor();
    expect(await page.getByTestId('item-properties').getByRole('button', { name: 'Stop timer' }).count()).toBe(1);

    // Stop in the header: one timer entry, classed planned (the item is not urgent).
    await page.getByTestId('header-timer-stop').click();
    await header.waitFor({ state: 'hidden' });
    await page.getByTestId('toasts').getByText(/Logged .* on OPS-1 \(planned\)/).waitFor();
    const logged = await entriesOf(org.member, first);
    expect(logged.entries).toHaveLength(1);
    expect(logged.entries[0]).toMatchObject({ kind: 'timer', classification: 'planned', person: { id: org.member.id } });
    expect(logged.entries[0]!.endedAt).not.toBeNull();
    await page.getByTestId('time-entries').getByTestId('time-entry').first().waitFor();
    expect(await page.getByTestId('time-entries').textContent()).toContain(org.member.name);
    expect((await ok(org.member, 'GET', '/api/v1/timer')).timer).toBeNull();

    // From the list: start on OPS-1, then on OPS-2 — the first one is stopped and logged.
    await page.goto(`${app.server.url}/projects/OPS/list`);
    await page.getByTestId('row-OPS-1').waitFor();
    await page.getByTestId('row-OPS-1').getByRole('button', { name: 'Start a timer on OPS-1' }).click();
    await expect.poll(() => header.textContent()).toContain('OPS-1');
    await page.getByTestId('row-OPS-2').getByRole('button', { name: 'Start a timer on OPS-2' }).click();
    await expect.poll(() => header.textContent()).toContain('OPS-2');
    await page.getByTestId('toasts').getByText(/The timer now runs on OPS-2/).waitFor();
    await expect.poll(async () => (await entriesOf(org.member, first)).entries.length).toBe(2);
    expect((await ok(org.member, 'GET', '/api/v1/timer')).timer.item.key).toBe('OPS-2');
    expect(await page.getByTestId('row-OPS-1').getByTestId('timer-OPS-1').getAttribute('data-running')).toBeNull();
    expect(await page.getByTestId('row-OPS-2').getByTestId('timer-OPS-2').getAttribute('data-running')).toBe('true');

    // Stopped on an urgent item, the time counts as an interruption.
    await page.getByTestId('header-timer-stop').click();
    await header.waitFor({ state: 'hidden' });
    // The header hides at once; the server's answer follows.
    await page.getByTestId('toasts').getByText(/on OPS-2 \(interruption\)/).waitFor();
    const urgent = await entriesOf(org.member, second);
    expect(urgent.entries.map((entry) => entry.classification)).toEqual(['interruption']);
  });

  it('stops the header timer as an interruption with a note, chosen from the Stop menu, whatever the item’s priority', async () => {
    const org = await createOrganization(app.server.app, app.server.databaseUrl, 'Alder Support');
    const project: Project = await createProject(org.owner, { key: 'SUP', name: 'Support' });
    const item: Item = await createItem(org.member, project.id, { title: 'Migrate the shared mailbox', priority: 'medium' });

    const page = await open(org.member, '/items/SUP-1');
    await page.getByTestId('item-time').waitFor();
    await page.getByTestId('item-properties').getByRole('button', { name: 'Start timer' }).click();
    const header = page.getByTestId('header-timer');
    await header.waitFor();

    // The menu beside Stop: a labelled disclosure, opened from the keyboard.
    const more = header.getByRole('button', { name: 'Stop options for SUP-1: class and note' });
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await more.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByTestId('header-timer-menu');
    await menu.waitFor();
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    // The item is not urgent: planned is marked as the default; the note field has the focus.
    await expect.poll(() => menu.getByTestId('header-timer-stop-planned').textContent()).toContain('default');
    expect(await menu.getByTestId('header-timer-stop-interruption').textContent()).toBe('Stop as interruption');
    const note = menu.getByRole('textbox', { name: /Note/ });
    expect(await note.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
    await note.fill('Printer jammed during the migration');
    await screenshotBothSchemes(page, 'timer-stop-menu');
    // Escape closes it and gives the focus back; the note is kept while the timer runs.
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
    expect(await more.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await note.inputValue()).toBe('Printer jammed during the migration');

    await menu.getByRole('button', { name: 'Stop as interruption' }).click();
    await header.waitFor({ state: 'hidden' });
    await page.getByTestId('toasts').getByText(/on SUP-1 \(interruption\)/).waitFor();
    const entry = page.getByTestId('time-entries').getByTestId('time-entry').filter({ hasText: 'Printer jammed during the migration' });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('Interruption');
    expect(await entry.getByText('Running').count()).toBe(0);
    const { entries } = await entriesOf(org.member, item);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'timer', classification: 'interruption', note: 'Printer jammed during the migration' });

    // The next timer starts with an empty note, and plain Stop still takes the item's class.
    await page.getByTestId('item-properties').getByRole('button', { name: 'Start timer' }).click();
    await header.waitFor();
    await more.click();
    expect(await note.inputValue()).toBe('');
    await page.keyboard.press('Escape');
    await page.getByTestId('header-timer-stop').click();
    await page.getByTestId('toasts').getByText(/on SUP-1 \(planned\)/).waitFor();

    // A timer started with a note (here through the API) shows it in the menu, and keeps it on Stop.
    const { timer } = await ok(org.member, 'POST', `/api/v1/items/${item.id}/timer`, { note: 'Call with the vendor' });
    await page.reload();
    await header.waitFor();
    expect(await header.getByRole('link').getAttribute('title')).toBe('SUP-1 Migrate the shared mailbox — Call with the vendor');
    await more.click();
    expect(await note.inputValue()).toBe('Call with the vendor');
    await page.keyboard.press('Escape');
    await page.getByTestId('header-timer-stop').click();
    // The header hides at once; the server's answer comes a moment later.
    const vendorCall = async () => ((await ok(org.member, 'GET', `/api/v1/items/${item.id}/time-entries`)).entries as TimeEntry[]).find((e) => e.id === timer.id)!;
    await expect.poll(async () => (await vendorCall()).endedAt).not.toBeNull();
    expect(await vendorCall()).toMatchObject({ kind: 'timer', note: 'Call with the vendor' });
  });

  it('adds, edits and deletes manual entries on the item page, and the meter turns red past the estimate', async () => {
    const org = await createOrganization(app.server.app, app.server.databaseUrl, 'Bluebird Studio');
    const project: Project = await createProject(org.owner, { key: 'WEB', name: 'Website' });
    const item: Item = await createItem(org.member, project.id, { title: 'Fix the checkout page', priority: 'urgent', estimateMinutes: 60 });
    const { today } = await calendar(org.member);

    const page = await open(org.member, '/items/WEB-1');
    await page.getByTestId('item-time').waitFor();
    expect(await meter(page).getAttribute('aria-label')).toBe('Nothing logged of 1h estimate');
    const form = page.getByTestId('time-add-form');
    // The class follows the priority: urgent → interruption; the day is today.
    expect(await form.getByTestId('time-class').inputValue()).toBe('interruption');
    expect(await form.getByTestId('time-date').inputValue()).toBe(today);

    // A duration the API cannot read is refused in its own words, next to the field.
    await form.getByTestId('time-duration').fill('a while');
    await form.getByTestId('time-submit').click();
    await form.getByText(/is not a duration/).waitFor();
    expect(await form.getByTestId('time-duration').getAttribute('aria-invalid')).toBe('true');

    await form.getByTestId('time-duration').fill('45m');
    await form.getByTestId('time-note').fill('Card payments failing');
    await form.getByTestId('time-submit').click();
    await page.getByTestId('time-entries').getByText('Card payments failing').waitFor();
    await expect.poll(() => meter(page).getAttribute('aria-label')).toBe('45m logged of 1h estimate');
    expect(await meter(page).getAttribute('role')).toBe('meter');
    expect(await meter(page).getAttribute('data-over')).toBeNull();

    // Start and end instead of a duration: 30 more minutes, planned this time.
    await form.getByRole('button', { name: 'Enter a start and end instead' }).click();
    await form.getByTestId('time-started').fill(`${today}T09:00`);
    await form.getByTestId('time-ended').fill(`${today}T09:30`);
    await form.getByTestId('time-class').selectOption('planned');
    await form.getByTestId('time-submit').click();
    await expect.poll(() => meter(page).getAttribute('aria-label')).toBe('1h 15m logged of 1h estimate, 15m over');
    expect(await meter(page).getAttribute('data-over')).toBe('true');
    // Red: the danger colour (the bar is drawn in the meter's own colour once past the estimate).
    const colours = await meter(page).evaluate((element) => {
      const view = element.ownerDocument.defaultView!;
      const probe = element.ownerDocument.createElement('span');
      probe.style.color = 'var(--color-danger)';
      element.ownerDocument.body.append(probe);
      const danger = view.getComputedStyle(probe).color;
      probe.remove();
      return { meter: view.getComputedStyle(element).color, bar: view.getComputedStyle(element, '::before').backgroundImage, danger };
    });
    expect(colours.meter).toBe(colours.danger);
    expect(colours.bar).toContain(colours.danger);
    expect(await page.getByTestId('item-time-summary').textContent()).toContain('1h 15m');
    await form.getByRole('button', { name: 'Enter a duration instead' }).click();
    await page.getByTestId('item-time').scrollIntoViewIfNeeded();
    await screenshotBothSchemes(page, 'item-time');

    // The board card and the list row show the same meter, red too.
    await page.goto(`${app.server.url}/projects/WEB`);
    const cardMeter = page.getByTestId('card-WEB-1').getByTestId('time-meter');
    await cardMeter.waitFor();
    expect(await cardMeter.getAttribute('aria-label')).toBe('1h 15m logged of 1h estimate, 15m over');
    expect(await cardMeter.getAttribute('data-over')).toBe('true');
    await page.goto(`${app.server.url}/projects/WEB/list`);
    expect(await page.getByTestId('row-WEB-1').getByTestId('time-meter').getAttribute('aria-label')).toBe('1h 15m logged of 1h estimate, 15m over');

    // Edit the 45 minutes down to 15: back under the estimate, no red.
    await page.goto(`${app.server.url}/items/WEB-1`);
    const entry = page.getByTestId('time-entry').filter({ hasText: 'Card payments failing' });
    await entry.getByRole('button', { name: /^Edit/ }).click();
    const edit = page.getByTestId('time-edit-form');
    expect(await edit.getByTestId('time-duration').inputValue()).toBe('45m');
    await edit.getByTestId('time-duration').fill('15m');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => meter(page).getAttribute('aria-label')).toBe('45m logged of 1h estimate');
    expect(await meter(page).getAttribute('data-over')).toBeNull();
    const { entries } = await entriesOf(org.member, item);
    expect(entries.map((candidate) => candidate.seconds).sort()).toEqual([15 * 60, 30 * 60].sort());

    // Delete it: only the 30 minutes remain.
    await entry.getByRole('button', { name: /^Delete/ }).click();
    await entry.getByRole('button', { name: 'Yes, delete' }).click();
    await expect.poll(() => meter(page).getAttribute('aria-label')).toBe('30m logged of 1h estimate');
    expect((await entriesOf(org.member, item)).loggedSeconds).toBe(30 * 60);

    // Someone else's entry: no edit or delete for a member, both for an admin.
    await ok(org.admin, 'POST', `/api/v1/items/${item.id}/time-entries`, { duration: '10m', note: 'Paired on it' });
    await page.reload();
    const theirs = page.getByTestId('time-entry').filter({ hasText: 'Paired on it' });
    await theirs.waitFor();
    expect(await theirs.getByRole('button').count()).toBe(0);
    const admin = await open(org.admin, '/items/WEB-1');
    const asAdmin = admin.getByTestId('time-entry').filter({ hasText: 'Card payments' });
    expect(await asAdmin.count()).toBe(0);
    const mine = admin.getByTestId('time-entry').first();
    await mine.waitFor();
    expect(await admin.getByTestId('time-entry').getByRole('button', { name: /^Edit/ }).count()).toBe(2);
  });

  it('shows on the Reports page exactly the time the entries add up to, per project, person, week and day, with the interruption ledger and CSV', async () => {
    const org = await createOrganization(app.server.app, app.server.databaseUrl, 'Cedar Finance');
    const ops: Project = await createProject(org.owner, { key: 'OPS', name: 'Operations' });
    const fin: Project = await createProject(org.owner, { key: 'FIN', name: 'Finance' });
    const patch: Item = await createItem(org.owner, ops.id, { title: 'Patch the VPN', estimateMinutes: 240 });
    const outage: Item = await createItem(org.admin, ops.id, { title: 'Printer outage on floor 2', priority: 'urgent' });
    const books: Item = await createItem(org.owner, fin.id, { title: 'Close the books' });
    const { today, thisWeek, lastWeek, shift } = await calendar(org.member);
    const log = (user: TestUser, item: Item, duration: string, date: string, classification?: string) =>
      ok(user, 'POST', `/api/v1/items/${item.id}/time-entries`, { duration, date, ...(classification ? { classification } : {}) });

    // This week: 2h + 1h30m planned, 45m + 30m interruption (the urgent item's default).
    await log(org.member, patch, '2h', today);
    await log(org.admin, books, '1h30m', today);
    await log(org.member, outage, '45m', today);
    await log(org.admin, outage, '30m', today);
    // Last week: 3h planned and 15m marked as an interruption by hand.
    await log(org.member, patch, '3h', shift(lastWeek, 1));
    await log(org.member, books, '15m', shift(lastWeek, 1), 'interruption');

    const page = await open(org.owner, '/reports');
    await page.getByTestId('report').waitFor();
    // This week is the default.
    expect(await page.getByTestId('range-this-week').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('total-tracked').textContent()).toBe('4h 45m');
    expect(await page.getByTestId('total-planned').textContent()).toBe('3h 30m');
    expect(await page.getByTestId('total-interruption').textContent()).toBe('1h 15m');
    // Rows are found by their project or person name, or (weeks) by the day the week starts.
    const row = (table: string, name: string) =>
      /^\d{4}-\d{2}-\d{2}$/.test(name)
        ? page.getByTestId(table).locator(`tbody tr[data-key="${name}"]`)
        : page.getByTestId(table).locator('tbody tr').filter({ hasText: name });
    const cells = async (table: string, name: string) =>
      row(table, name).locator('td[data-col]').evaluateAll((tds) => tds.slice(0, 3).map((td) => td.textContent));
    expect(await cells('report-projects', 'Operations')).toEqual(['2h', '1h 15m', '3h 15m']);
    expect(await cells('report-projects', 'Finance')).toEqual(['1h 30m', '0m', '1h 30m']);
    expect(await cells('report-people', org.member.name)).toEqual(['2h', '45m', '2h 45m']);
    expect(await cells('report-people', org.admin.name)).toEqual(['1h 30m', '30m', '2h']);
    expect(await page.getByTestId('report-weeks').locator('tbody tr').count()).toBe(1);
    expect(await page.getByTestId('report-days').locator('tbody tr').count()).toBe(7);
    const ledger = page.getByTestId('interruption-ledger');
    expect(await ledger.locator('tbody tr').count()).toBe(1);
    expect(await ledger.locator('tbody tr').textContent()).toContain('Printer outage on floor 2');
    expect(await ledger.locator('tbody tr').textContent()).toContain(org.admin.name);
    expect(await ledger.locator('tfoot').textContent()).toContain('1h 15m');
    // A week's range draws a bar per day.
    expect(await page.getByTestId('report-chart').getByTestId('chart-bar').count()).toBe(7);

    // Last 30 days: both weeks, as weekly bars in the chart and rows in the week table.
    await page.getByTestId('range-last-30-days').click();
    await expect.poll(() => page.getByTestId('total-tracked').textContent()).toBe('8h');
    expect(await page.getByTestId('total-planned').textContent()).toBe('6h 30m');
    expect(await page.getByTestId('total-interruption').textContent()).toBe('1h 30m');
    await page.getByRole('group', { name: 'Bars per' }).getByRole('button', { name: 'Weeks' }).click();
    const weekBars = page.getByTestId('report-chart').getByTestId('chart-bar');
    await expect.poll(() => weekBars.count()).toBeGreaterThanOrEqual(5);
    const chartText = await page.getByTestId('report-chart').locator('desc').textContent();
    expect(chartText).toContain('3.5 h planned, 1.3 h interruption');
    expect(chartText).toContain('3 h planned, 0.3 h interruption');
    expect(await cells('report-weeks', thisWeek)).toEqual(['3h 30m', '1h 15m', '4h 45m']);
    expect(await cells('report-weeks', lastWeek)).toEqual(['3h', '15m', '3h 15m']);
    await page.getByTestId('report-chart').scrollIntoViewIfNeeded();
    await screenshotBothSchemes(page, 'reports');

    // A filter narrows everything: Finance only.
    await page.getByTestId('report-project').selectOption(fin.id);
    await expect.poll(() => page.getByTestId('total-tracked').textContent()).toBe('1h 45m');
    expect(new URL(page.url()).searchParams.get('project')).toBe(fin.id);

    // Every table downloads as CSV with the range and filters of the page.
    const href = await page.getByTestId('csv-entries').getAttribute('href');
    expect(href).toContain('table=entries');
    expect(href).toContain(`projectId=${fin.id}`);
    const csv = await page.request.get(`${app.server.url}${href}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain('Close the books');
    expect(await page.locator('a.csv-link').count()).toBe(5);

    // A custom range longer than a year is refused before asking.
    await page.getByTestId('range-custom').click();
    await page.getByTestId('range-from').fill('2024-01-01');
    await page.getByTestId('range-to').fill('2025-06-30');
    await page.getByText(/at most 366 days/).waitFor();
    expect(await page.getByTestId('report').count()).toBe(0);
  });

  it('shows one person’s week day by day, moves between weeks and copies the summary as text', async () => {
    const org = await createOrganization(app.server.app, app.server.databaseUrl, 'Northwind');
    const project: Project = await createProject(org.owner, { key: 'SUP', name: 'Support' });
    const router: Item = await createItem(org.member, project.id, { title: 'Replace the office router', estimateMinutes: 120 });
    const laptop: Item = await createItem(org.member, project.id, { title: 'Laptop will not boot', priority: 'urgent' });
    const { today, lastWeek } = await calendar(org.member);
    await ok(org.member, 'POST', `/api/v1/items/${router.id}/time-entries`, { duration: '1h30m', date: today, note: 'Unboxed and configured' });
    await ok(org.member, 'POST', `/api/v1/items/${laptop.id}/time-entries`, { duration: '40m', date: today });
    await ok(org.member, 'POST', `/api/v1/items/${router.id}/time-entries`, { duration: '2h', date: lastWeek });

    const page = await open(org.member, '/my-week');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.url });
    await page.getByTestId('my-week').waitFor();
    expect(await page.getByTestId('week-tracked').textContent()).toBe('2h 10m');
    expect(await page.getByTestId('week-planned').textContent()).toBe('1h 30m');
    expect(await page.getByTestId('week-interruption').textContent()).toBe('40m');
    const day = page.getByTestId(`week-day-${today}`);
    expect(await day.textContent()).toContain('SUP-1');
    expect(await day.textContent()).toContain('Laptop will not boot');
    expect(await day.textContent()).toContain('2h 10m');
    await screenshotBothSchemes(page, 'my-week');

    await page.getByTestId('copy-week').click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    const week: MyWeek = await ok(org.member, 'GET', '/api/v1/reports/my-week');
    const clipboard = () =>
      (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText();
    expect(await page.evaluate(clipboard)).toBe(week.text);

    await page.getByTestId('week-previous').click();
    await expect.poll(() => page.getByTestId('week-tracked').textContent()).toBe('2h');
    expect(await page.getByTestId(`week-day-${lastWeek}`).textContent()).toContain('Replace the office router');
    await page.getByTestId('week-next').click();
    await expect.poll(() => page.getByTestId('week-tracked').textContent()).toBe('2h 10m');

    // A lead looks at someone else's week from the person picker.
    const lead = await open(org.admin, '/my-week');
    await lead.getByTestId('my-week').waitFor();
    expect(await lead.getByTestId('week-tracked').textContent()).toBe('0m');
    await lead.getByTestId('week-person').selectOption(org.member.id);
    await expect.poll(() => lead.getByTestId('week-tracked').textContent()).toBe('2h 10m');
    expect(await lead.getByRole('heading', { level: 1 }).textContent()).toBe(`${org.member.name}’s week`);
  });

  it('shows a viewer the meters and reports but no timer buttons or time forms', async () => {
    const org = await createOrganization(app.server.app, app.server.databaseUrl, 'Cedar Viewers');
    const project: Project = await createProject(org.owner, { key: 'FIN', name: 'Finance' });
    const item: Item = await createItem(org.owner, project.id, { title: 'Close the books', estimateMinutes: 60 });
    await ok(org.owner, 'POST', `/api/v1/items/${item.id}/time-entries`, { duration: '20m' });

    const page = await open(org.viewer, '/projects/FIN');
    await page.getByTestId('card-FIN-1').waitFor();
    expect(await page.getByTestId('card-FIN-1').getByTestId('time-meter').getAttribute('aria-label')).toBe('20m logged of 1h estimate');
    expect(await page.locator('.timer-button').count()).toBe(0);
    await page.goto(`${app.server.url}/projects/FIN/list`);
    await page.getByTestId('row-FIN-1').waitFor();
    expect(await page.locator('.timer-button').count()).toBe(0);
    await page.goto(`${app.server.url}/items/FIN-1`);
    await page.getByTestId('time-entries').waitFor();
    expect(await page.locator('.timer-button').count()).toBe(0);
    expect(await page.getByTestId('time-add-form').count()).toBe(0);
    expect(await page.getByTestId('time-entries').getByRole('button').count()).toBe(0);
    expect(await page.getByTestId('header-timer').count()).toBe(0);
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('report').waitFor();
    expect(await page.getByTestId('total-tracked').textContent()).toBe('20m');
  });
});
