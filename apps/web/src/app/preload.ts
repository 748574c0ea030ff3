import type { QueryClient } from '@tanstack/react-query';
import { boardItemsQuery } from '../features/items/api/items';
import { organizationQuery } from '../features/items/api/reference-data';
import { projectsQuery } from '../features/projects/api/projects';
import { preloadPage } from './routes';

/**
 * At start-up, alongside the session check rather than after it: the chunk of the page being
 * opened and, for a board, the data it needs (the projects, the project's items by its key, and
 * the organization for "today"), all at once. Without this the board waits for session → shell →
 * chunk → projects → items one after the other. Failures are left to the pages (a signed-out visitor's 401s here
 * change nothing: the queries fetch again when a page uses them).
 */
export function preloadForAddress(client: QueryClient, path: string): void {
  preloadPage(path);
  const board = /^\/projects\/([^/]+)\/?$/.exec(path);
  if (!board) return;
  const key = decodeURIComponent(board[1]!).toUpperCase();
  void client.prefetchQuery(organizationQuery);
  void client.prefetchQuery(projectsQuery);
  void client.prefetchQuery(boardItemsQuery(key));
}
