// Settings in a real browser: a project's name, archive and statuses (the board follows), the
// organization's labels, and the organization's time zone and week start — and what a member
// does not get to see. Screenshots of each page for the user guide.
import type { Label, OrganizationSettings, Project } from '@rytask/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createOrganization, TEST_PASSWORD } from '../support/api';
import { withClient } from '../support/db';
import { createItem, createProject, ok } from '../support/work';
import { signIn, useBrowserApp, screenshotBothSchemes } from './browser';

describe('settings in the web app', () => {
  const app = useBrowserApp();

  const open = app.open;

  /** The picture shows the page, not the toasts about what just happened, from its top. */
  async function picture(page: Page, name: string): Promise<void> {
    // Success toasts leave by themselves within five seconds.
    await expect.poll(() => page.getByTestId('toasts').locator('.toast').count(), { timeout: 8_000 }).toBe(0);
    await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    await screenshotBothSchemes(page, name);
  }

  const statusNames = (page: Page) =>
    page.getByTestId('statuses-editor').locator('li[data-testid^="status-"]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-testid')!.slice(7)));
  const columnNames = (page: Page) =>
    page.locator('[data-testid^="column-"]').evaluateAll((columns) => columns.map((column) => column.getAttribute('data-testid')!.slice(7)));

  it('lets an admin rename a project, add, move and delete statuses (the board follows), and archive and unarchive it', async () => {
    const org = await createOrganization(app.server.app, app.server.databaseUrl, 'Lighthouse Support');
    const project: Project = await createProject(org.owner, { key: 'OPS', name: 'Operations' });
    const inReview = project.statuses.find((status) => status.name === 'In review')!;
    await createItem(org.owner, project.id, { title: 'Check the backup report', statusId: inReview.id });
    await createItem(org.owner, project.id, { title: 'Renew the certificate' });

    const page = await open(org.admin, '/projects/OPS');
    await page.getByTestId('project-settings-link').click();
    await page.getByRole('heading', { level: 1, name: 'Operations settings' }).waitFor();

    // Name and description.
    const details = page.getByTestId('project-details-form');
    await details.getByLabel('Name').fill('Operations desk');
    await details.getByLabel('Description').fill('Everything that keeps the office running');
    await details.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Operations desk settings' }).waitFor();
    expect(await ok(org.admin, 'GET', `/api/v1/projects/${project.id}`)).toMatchObject({
      key: 'OPS', name: 'Operations desk', description: 'Everything that keeps the office running',
    });

    // Add "Blocked" (started): it goes to the end.
    const add = page.getByTestId('add-status-form');
    await add.getByRole('button', { name: 'Add status' }).click();
    expect(await add.locator('.field__error').textContent()).toBe('Name the status');
    await add.getByLabel('Name').fill('Blocked');
    await add.getByLabel('Category').selectOption('started');
    await add.getByRole('button', { name: 'Add status' }).click();
    await expect.poll(() => statusNames(page)).toEqual(['Backlog', 'Todo', 'In progress', 'In review', 'Done', 'Cancelled', 'Blocked']);
    expect(await page.getByLabel('Category of Blocked').inputValue()).toBe('started');

    // Move it before "In review" from the keyboard: the button keeps the focus between presses.
    await page.getByRole('button', { name: 'Move Blocked up' }).focus();
    for (const expected of [5, 4, 3]) {
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await statusNames(page)).indexOf('Blocked')).toBe(expected);
      await expect.poll(() => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(name: string): string | null } | null } }).document.activeElement?.getAttribute('aria-label'))).toBe('Move Blocked up');
    }
    await expect
      .poll(async () => ((await ok(org.admin, 'GET', `/api/v1/projects/${project.id}`)) as Project).statuses.map((s) => s.name))
      .toEqual(['Backlog', 'Todo', 'In progress', 'Blocked', 'In review', 'Done', 'Cancelled']);
    await picture(page, 'project-settings');

    // Delete "In review": where its items go must be chosen, and the dialog says what will happen.
    await page.getByRole('button', { name: 'Delete In review' }).click();
    const dialog = page.getByTestId('delete-status-dialog');
    await dialog.getByRole('button', { name: 'Delete status' }).click();
    expect(await dialog.locator('.field__error').textContent()).toBe('Choose where its items go');
    await dialog.getByLabel('Move its items to').selectOption({ label: 'Done (Completed)' });
    expect(await dialog.getByTestId('delete-status-consequence').textContent()).toContain('will move to “Done”');
    await picture(page, 'status-delete');
    await dialog.getByRole('button', { name: 'Delete “In review” and move its items' }).click();
    await expect.poll(() => statusNames(page)).toEqual(['Backlog', 'Todo', 'In progress', 'Blocked', 'Done', 'Cancelled']);

    // The board's columns follow, after a reload too, and the item moved to "Done".
    await page.getByRole('link', { name: 'Board' }).click();
    await page.getByTestId('column-Done').getByTestId('card-OPS-1').waitFor();
    await page.reload();
    await page.getByTestId('column-Done').getByTestId('card-OPS-1').waitFor();
    expect(await columnNames(page)).toEqual(['Backlog', 'Todo', 'In progress', 'Blocked', 'Done', 'Cancelled']);

    // Archive: the project leaves the list and the side bar, and is listed as archived.
    await page.getByTestId('project-settings-link').click();
    await page.getByTestId('archive-project').click();
    await page.getByTestId('archive-project').filter({ hasText: 'Unarchive project' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: /Operations desk/ }).count()).toBe(0);
    await nav.getByRole('link', { name: 'Projects', exact: true }).click();
    await page.getByText('Archived projects (1)').click();
    await page.locator('.archived').getByRole('link', { name: 'Operations desk' }).waitFor();
    expect(await page.getByTestId('project-list').count()).toBe(0);

    // Unarchive it from its settings page.
    await page.goto(`${app.server.url}/projects/OPS/settings`);
    await page.getByTestId('archive-project').filter({ hasText: 'Unarchive project' }).click();
    await page.getByTestId('archive-project').filter({ hasText: /^Archive project$/ }).waitFor();
    await nav.getByRole('link', { name: /Operations desk/ }).waitFor();
    expect((await ok(org.admin, 'GET', `/api/v1/projects/${project.id}`)).archivedAt).toBeNull();
  });

  it('lets a member create, recolour and delete labels, and an admin set the time zone and week start', async () => {
    const org = await createOrganization(app.server.app, app.server.databaseUrl, 'Harbor Studio');
    await createProject(org.owner, { key: 'WEB', name: 'Website' });

    // Labels: a member creates one and recolours it.
    const page = await open(org.member, '/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Labels' }).click();
    await page.getByRole('heading', { level: 1, name: 'Labels' }).waitFor();
    const form = page.getByTestId('new-label-form');
    await form.getByLabel('Name').fill('customer');
    await form.getByTitle('Green').click();
    await form.getByRole('button', { name: 'Create label' }).click();
    const row = page.getByTestId('label-customer');
    await row.waitFor();
    await row.getByTitle('Purple').click();
    const labels = async () => ((await ok(org.member, 'GET', '/api/v1/labels')).labels as Label[]).map(({ name, color }) => ({ name, color }));
    await expect.poll(labels).toEqual([{ name: 'customer', color: 'purple' }]);
    await expect.poll(() => row.getByRole('radio', { name: 'Purple' }).isChecked()).toBe(true);

    // A second label, deleted after a confirmation.
    await form.getByLabel('Name').fill('later');
    await form.getByRole('button', { name: 'Create label' }).click();
    await page.getByRole('button', { name: 'Delete later' }).click();
    const confirm = page.getByTestId('delete-label-dialog');
    expect(await confirm.textContent()).toContain('will be taken off every item that has it');
    await confirm.getByRole('button', { name: 'Delete label' }).click();
    await page.getByTestId('label-later').waitFor({ state: 'detached' });
    await expect.poll(labels).toEqual([{ name: 'customer', color: 'purple' }]);
    await picture(page, 'labels');

    // A member has no project settings link and no organization settings in the side bar.
    await page.goto(`${app.server.url}/projects/WEB`);
    await page.getByTestId('column-Todo').waitFor();
    expect(await page.getByTestId('project-settings-link').count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Organization' }).count()).toBe(0);

    // Organization: an admin searches for a time zone, picks a week start and a working day.
    const admin = await open(org.admin, '/');
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organization' }).click();
    const settings = admin.getByTestId('organization-form');
    await settings.getByLabel('Search time zones').fill('kolkata');
    // Browsers list some zones under older names (Asia/Calcutta): the picker finds and shows the current one.
    const zones = settings.getByRole('listbox', { name: 'Time zone' });
    expect(await zones.locator('option').allTextContents()).toEqual(['UTC', 'Asia / Kolkata — UTC+05:30']);
    await zones.selectOption({ label: 'Asia / Kolkata — UTC+05:30' });
    await settings.getByLabel('Weeks start on').selectOption({ label: 'Sunday' });
    await settings.getByLabel('Working hours per day').fill('30');
    await settings.getByRole('button', { name: 'Save' }).click();
    expect(await settings.locator('.field__error').textContent()).toBe('Use between 1 and 24 hours');
    await settings.getByLabel('Working hours per day').fill('7.5');
    await settings.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(async () => (await ok(org.admin, 'GET', '/api/v1/organization')) as OrganizationSettings)
      .toMatchObject({ timeZone: expect.stringMatching(/^Asia\/(Kolkata|Calcutta)$/), weekStart: 0, workingMinutesPerDay: 450 });

    await admin.reload();
    await admin.getByTestId('organization-form').waitFor();
    expect(await admin.getByRole('listbox', { name: 'Time zone' }).inputValue()).toMatch(/^Asia\/(Kolkata|Calcutta)$/);
    expect(await admin.getByLabel('Weeks start on').inputValue()).toBe('0');
    expect(await admin.getByLabel('Working hours per day').inputValue()).toBe('7.5');
    expect(await admin.getByTestId('organization-form').textContent()).toContain('Now: Asia / Kolkata');
    await admin.getByLabel('Search time zones').fill('kolkata');
    await picture(admin, 'organization');
  });

  it('lets a person in two organizations switch from the account menu, and signs them in to the one used last', async () => {
    const alpha = await createOrganization(app.server.app, app.server.databaseUrl, 'Alpha Studio');
    const beta = await createOrganization(app.server.app, app.server.databaseUrl, 'Beta Repairs');
    await createProject(beta.owner, { key: 'FIX', name: 'Repairs' });
    const person = alpha.member;
    await withClient(app.server.databaseUrl, (c) =>
      c.query("INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, 'VIEWER')", [beta.id, person.id]),
    );
    const page = await open(person);
    await expect.poll(() => page.getByTestId('org-name').textContent()).toBe('Alpha Studio');

    await page.getByTestId('user-menu-button').click();
    const switcher = page.getByTestId('organization-switcher');
    await switcher.waitFor();
    await expect.poll(() => switcher.locator('[aria-current="true"]').textContent()).toContain('Alpha Studio');
    await screenshotBothSchemes(page, 'organization-switcher');
    await switcher.getByRole('button', { name: 'Switch to Beta Repairs (Viewer)' }).click();

    await expect.poll(() => page.getByTestId('org-name').textContent(), { timeout: 10_000 }).toBe('Beta Repairs');
    await expect.poll(() => page.getByTestId('user-role').textContent()).toBe('Viewer');
    await page.getByRole('link', { name: /Repairs/ }).first().waitFor();
    // A viewer here: no New item button.
    expect(await page.getByTestId('quick-add-button').count()).toBe(0);

    // Sign out and in again: Beta Repairs opens.
    await page.getByTestId('sign-out').click();
    await signIn(page, person.email, TEST_PASSWORD);
    await expect.poll(() => page.getByTestId('org-name').textContent(), { timeout: 10_000 }).toBe('Beta Repairs');
  });
});

