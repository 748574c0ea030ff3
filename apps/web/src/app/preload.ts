import type { OrganizationSettings } from '@rytask/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { boardItemsQuery } from '../features/items/api/items';
import { organizationQuery } from '../features/items/api/reference-data';
import { projectsQuery } from '../features/projects/api/projects';
import { formatDue, todayIn } from '../lib/format';
import { preloadPage } from './routes';

/**
 * At start-up, alongside the session check rather than after it: the chunk of the page being
 * opened and, for a board, the data it needs (the projects, the project's items by its key, and
 * the organization for "today"), all at once. Without this the board waits for session → shell →
 * chunk → projects → items one after the other. Failures are left to the pages (a signed-out visitor's 401s here
 * change nothing: the queries fetch again when a page uses them).
 *
 * For a board, index.html has already asked for the same data (and the session) before this
 * JavaScript was loaded; these requests take those answers (lib/api-client.ts). Keep the paths of
 * the two in step: test/browser/work.test.ts fails on a request made twice.
 */
export function preloadForAddress(client: QueryClient, path: string): void {
  preloadPage(path);
  const board = /^\/projects\/([^/]+)\/?$/.exec(path);
  if (!board) return;
  const key = decodeURIComponent(board[1]!).toUpperCase();
  void client.prefetchQuery(organizationQuery).then(() => {
    // While the items are still on their way: the first date formatters (tens of milliseconds of
    // time zone and locale data) are built now instead of in the middle of rendering the cards.
    const today = todayIn(client.getQueryData<OrganizationSettings>(organizationQuery.queryKey)?.timeZone);
    for (const days of [2, 30, 400]) formatDue(new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10), today);
  });
  void client.prefetchQuery(projectsQuery);
  void client.prefetchQuery(boardItemsQuery(key));
}
