import type { SessionResponse } from '@rytask/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/server';
import { assertWebBuilt, launchBrowser, screenshotBothSchemes, signIn } from './browser';

const NEW_PASSWORD = 'correct horse battery staple';

describe('signing in to the web app', () => {
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    assertWebBuilt();
    browser = await launchBrowser();
    server = await startTestServer();
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openApp(): Promise<{ page: Page; url: string; email: string; password: string }> {
    if (!browser || !server) throw new Error('beforeAll did not finish');
    context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    return { page, url: server.url, email: server.adminEmail, password: server.adminPassword };
  }

  it('makes the owner replace the generated password, keeps them signed in, and signs them out', async () => {
    const { page, url, email, password: generated } = await openApp();

    await signIn(page, email, generated);
    const changeForm = page.getByTestId('change-password-form');
    await changeForm.waitFor();
    expect(await changeForm.textContent()).toContain('Your password was generated at install');
    await screenshotBothSchemes(page, 'first-sign-in');

    await changeForm.getByLabel('Current password').fill(generated);
    await changeForm.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await changeForm.getByLabel('Confirm new password').fill(`${NEW_PASSWORD}!`);
    await changeForm.getByRole('button', { name: 'Save new password' }).click();
    await changeForm.getByText('The passwords do not match').waitFor();

    await changeForm.getByLabel('Confirm new password').fill(NEW_PASSWORD);
    await changeForm.getByRole('button', { name: 'Save new password' }).click();
    await page.getByTestId('app-shell').waitFor();

    // The organization shown is the one the API says this session belongs to.
    const answer = await page.request.get(`${url}/api/v1/auth/session`);
    const session = (await answer.json()) as SessionResponse;
    expect(session.user.mustChangePassword).toBe(false);
    expect(await page.getByTestId('org-name').textContent()).toBe(session.organization.name);
    expect(await page.getByTestId('user-role').textContent()).toBe('Owner');
    expect(await page.getByRole('heading', { name: 'No projects yet' }).count()).toBe(1);
    expect(await page.title()).toBe('RyTask');

    await page.reload();
    await page.getByTestId('app-shell').waitFor();
    expect(await page.getByTestId('login-form').count()).toBe(0);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByTestId('login-form').waitFor();
    await page.reload();
    await page.getByTestId('login-form').waitFor();

    await signIn(page, email, generated);
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect((await error.textContent())?.trim()).not.toBe('');
    expect(await page.getByTestId('app-shell').count()).toBe(0);

    await signIn(page, email, NEW_PASSWORD);
    await page.getByTestId('app-shell').waitFor();
    expect(await page.getByTestId('change-password-form').count()).toBe(0);
  });

  it('shows an error and no shell when the password is wrong', async () => {
    const { page, email } = await openApp();

    await signIn(page, email, 'not the password at all');
    const error = page.getByRole('alert');
    await error.waitFor();
    expect((await error.textContent())?.trim()).not.toBe('');
    expect(await page.getByTestId('app-shell').count()).toBe(0);
    expect(await page.getByTestId('change-password-form').count()).toBe(0);
    // The cursor goes back to the password, ready for another try.
    await page.locator('input[name="password"]:focus').waitFor();
  });
});
