// The board's filter bar in a real browser: filters applied to the loaded cards, kept in the address
// across a reload, cleared; a card moved while filtered lands among the hidden cards sensibly; and a
// saved view with the board layout opens the board with its filters.
import type { Project, SavedView } from '@rytask/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createOrganization } from '../support/api';
import { createItem, createProject, ok } from '../support/work';
import { screenshotBothSchemes, useBrowserApp } from './browser';

describe('filters on the board', () => {
  const app = useBrowserApp();

  /** The keys of the cards a column shows, top to bottom. */
  const cardsIn = (page: Page, column: string) =>
    page
      .getByTestId(`column-${column}`)
      .locator('[data-nav-item]')
      .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-testid')!.replace('card-', '')));

  it('filters by assignee and text, keeps them over a reload, clears them, and opens a board view with its filters', async () => {
    const org = await createOrganization(app.server.app, app.server.databaseUrl, 'Fjord Ops');
    const project: Project = await createProject(org.owner, { key: 'FJ', name: 'Fjord' });
    const todo = project.statuses.find((status) => status.name === 'Todo')!;
    const inProgress = project.statuses.find((status) => status.name === 'In progress')!;
    const mine = { assigneeId: org.member.id };
    // FJ-1 … FJ-5 in Todo (in this order), FJ-6 in progress.
    await createItem(org.owner, project.id, { title: 'Replace the printer toner', statusId: todo.id, ...mine, labels: ['hardware'] });
    await createItem(org.owner, project.id, { title: 'Renew the domain', statusId: todo.id, assigneeId: org.owner.id });
    await createItem(org.owner, project.id, { title: 'Printer in room 2 jams', statusId: todo.id, ...mine });
    await createItem(org.owner, project.id, { title: 'Order new laptops', statusId: todo.id, labels: ['hardware'] });
    await createItem(org.owner, project.id, { title: 'Back up the file server', statusId: todo.id, ...mine });
    await createItem(org.owner, project.id, { title: 'Set up the guest wifi', statusId: inProgress.id, assigneeId: org.owner.id });

    const page = await app.open(org.member, '/projects/FJ');
    await page.getByTestId('card-FJ-6').waitFor();
    expect(await cardsIn(page, 'Todo')).toEqual(['FJ-1', 'FJ-2', 'FJ-3', 'FJ-4', 'FJ-5']);

    // Assignee "Me": only the member's cards; the column says how many of all it shows.
    await page.getByLabel('Assignee').selectOption('me');
    await page.waitForURL(/\/projects\/FJ\?assignee=me$/);
    await expect.poll(() => cardsIn(page, 'Todo')).toEqual(['FJ-1', 'FJ-3', 'FJ-5']);
    expect(await cardsIn(page, 'In progress')).toEqual([]);
    expect(await page.getByTestId('column-In progress').textContent()).toContain('None match the filters');
    expect(await page.getByTestId('column-Todo').getByText('3 of 5').count()).toBe(1);
    expect(await page.getByTestId('board-filter-note').textContent()).toBe('Showing 3 of 6 cards.');

    // And text, typed: the printer cards only.
    await page.getByLabel('Filter by text').fill('PRINTER');
    await page.waitForURL(/assignee=me&q=PRINTER$/);
    await expect.poll(() => cardsIn(page, 'Todo')).toEqual(['FJ-1', 'FJ-3']);
    await screenshotBothSchemes(page, 'board-filters');

    // A reload keeps both: the address holds them.
    await page.reload();
    await page.getByTestId('card-FJ-1').waitFor();
    expect(await cardsIn(page, 'Todo')).toEqual(['FJ-1', 'FJ-3']);
    expect(await page.getByLabel('Assignee').inputValue()).toBe('me');
    expect(await page.getByLabel('Filter by text').inputValue()).toBe('PRINTER');

    // Nothing matches: said in plain words, with a way back.
    await page.getByLabel('Filter by text').fill('toaster');
    await expect.poll(() => page.getByTestId('board-filter-note').textContent()).toContain('No cards match these filters.');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForURL(/\/projects\/FJ$/);
    await expect.poll(() => cardsIn(page, 'Todo')).toEqual(['FJ-1', 'FJ-2', 'FJ-3', 'FJ-4', 'FJ-5']);
    expect(await page.getByTestId('board-filter-note').count()).toBe(0);
    expect(await page.getByLabel('Filter by text').inputValue()).toBe('');

    // Moved while filtered: FJ-5 goes above FJ-3 on screen; in the full column it lands right
    // before FJ-3, after the hidden FJ-2, and the hidden cards keep their places.
    await page.getByLabel('Assignee').selectOption('me');
    await expect.poll(() => cardsIn(page, 'Todo')).toEqual(['FJ-1', 'FJ-3', 'FJ-5']);
    await page.getByTestId('card-FJ-5').focus();
    for (const key of ['Space', 'ArrowUp', 'Space']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(250);
    }
    await expect.poll(() => cardsIn(page, 'Todo')).toEqual(['FJ-1', 'FJ-5', 'FJ-3']);
    const order = async () => {
      const { items } = await ok(org.member, 'GET', `/api/v1/items?projectId=${project.id}&statusId=${todo.id}&sort=board`);
      return (items as { key: string }[]).map((item) => item.key);
    };
    await expect.poll(order).toEqual(['FJ-1', 'FJ-2', 'FJ-5', 'FJ-3', 'FJ-4']);

    // A shared board view (hardware, anyone's) opens the board with its filter.
    const labels = (await ok(org.owner, 'GET', '/api/v1/labels')).labels as { id: string; name: string }[];
    const hardware = labels.find((label) => label.name === 'hardware')!;
    const view: SavedView = await ok(org.owner, 'POST', '/api/v1/views', {
      name: 'Hardware board',
      shared: true,
      projectId: project.id,
      query: { layout: 'board', label: hardware.id },
    });
    await page.goto(`${app.server.url}/projects/FJ?view=${view.id}`);
    await page.getByTestId('card-FJ-4').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Hardware board');
    expect(await cardsIn(page, 'Todo')).toEqual(['FJ-1', 'FJ-4']);
    expect(await cardsIn(page, 'In progress')).toEqual([]);
    expect(await page.getByLabel('Label').inputValue()).toBe(hardware.id);

    // Its link in the side bar goes there too; changing a filter leaves the view for the plain board.
    await page.goto(`${app.server.url}/projects/FJ`);
    await page.getByRole('link', { name: 'Hardware board' }).click();
    await page.waitForURL(new RegExp(`/projects/FJ\\?view=${view.id}$`));
    await expect.poll(() => cardsIn(page, 'Todo')).toEqual(['FJ-1', 'FJ-4']);
    await page.getByLabel('Assignee').selectOption('me');
    await page.waitForURL(/\/projects\/FJ\?assignee=me&label=/);
    await expect.poll(() => cardsIn(page, 'Todo')).toEqual(['FJ-1']);

    // Saving from the board makes a board view, and opens it.
    await page.getByTestId('save-view').click();
    const dialog = page.getByTestId('save-view-dialog');
    await dialog.getByLabel('Name').fill('My hardware');
    await dialog.getByRole('button', { name: 'Save view' }).click();
    await page.waitForURL(/\/projects\/FJ\?view=/);
    await expect.poll(() => cardsIn(page, 'Todo')).toEqual(['FJ-1']);
    const saved = ((await ok(org.member, 'GET', '/api/v1/views')).views as SavedView[]).find((candidate) => candidate.name === 'My hardware')!;
    expect(saved.query).toMatchObject({ layout: 'board', assignee: 'me', label: hardware.id });

    // Its owner renames it where it is open; the heading and the side bar follow.
    await page.getByRole('heading', { level: 1, name: 'My hardware' }).waitFor();
    await page.getByTestId('rename-view').click();
    const rename = page.getByTestId('rename-view-dialog');
    expect(await rename.getByLabel('Name').inputValue()).toBe('My hardware');
    await rename.getByLabel('Name').fill('Hardware, mine');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hardware, mine' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Hardware, mine' }).waitFor();
    expect((await ok(org.member, 'GET', '/api/v1/views')).views.find((v: SavedView) => v.id === saved.id)).toMatchObject({ name: 'Hardware, mine', query: saved.query });
  });
});
