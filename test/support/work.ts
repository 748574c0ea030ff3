// Factories for the work API's tests: projects and items made through the real routes.
import { expect } from 'vitest';
import type { TestUser } from './api';

let keyCounter = 0;

/** A unique project key (KEY + a counter, within the 10-character limit). */
export function nextKey(prefix = 'P'): string {
  return `${prefix}${++keyCounter}`.slice(0, 10);
}

/** Calls the API and expects success; returns the JSON body (undefined for 204). */
export async function ok(user: TestUser, method: string, url: string, payload?: unknown) {
  const response = await user.request(method, url, payload);
  if (response.statusCode >= 300) throw new Error(`${method} ${url} → ${response.statusCode} ${response.body}`);
  return response.statusCode === 204 ? undefined : response.json();
}

/** Calls the API and expects the error `code` (and `status`); returns the error object. */
export async function fails(user: TestUser, method: string, url: string, payload: unknown, status: number, code: string) {
  const response = await user.request(method, url, payload);
  expect({ status: response.statusCode, code: response.json().error?.code }, `${method} ${url}: ${response.body}`).toEqual({ status, code });
  return response.json().error as { code: string; message: string; field?: string };
}

export async function createProject(user: TestUser, fields: { key?: string; name?: string } = {}) {
  const key = fields.key ?? nextKey();
  return ok(user, 'POST', '/api/v1/projects', { key, name: fields.name ?? `Project ${key}` });
}

export async function createItem(user: TestUser, projectId: string, fields: Record<string, unknown> = {}) {
  return ok(user, 'POST', `/api/v1/projects/${projectId}/items`, { title: 'An item', ...fields });
}
