import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from '../../../../../test/support/api';
import { withClient } from '../../../../../test/support/db';
import { startTestServer } from '../../../../../test/support/server';
import { createItem, createProject, fails, ok } from '../../../../../test/support/work';

let server: Awaited<ReturnType<typeof startTestServer>>;
let org: Awaited<ReturnType<typeof createOrganization>>;
let project: { id: string; statuses: { id: string; name: string }[] };
const items: Record<string, { id: string; key: string }> = {};

// A zone whose date differs from UTC's right now: "today" must be the organization's.
const utcHour = new Date().getUTCHours();
const TIME_ZONE = utcHour >= 10 ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago';

function dayIn(offsetDays: number): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date());
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const date = new Date(Date.UTC(get('year'), get('month') - 1, get('day') + offsetDays));
  return date.toISOString().slice(0, 10);
}

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganization(server.app, server.databaseUrl);
  await withClient(server.databaseUrl, (c) => c.query('UPDATE organizations SET time_zone = $2 WHERE id = $1', [org.id, TIME_ZONE]));
  await server.changesSeen();
  project = await createProject(org.admin, { key: 'LIST' });
  const [backlog, todo, started, review, done, cancelled] = project.statuses.map((s) => s.id);
  const bug = (await ok(org.member, 'POST', '/api/v1/labels', { name: 'bug' })).id;
  const feature = (await ok(org.member, 'POST', '/api/v1/labels', { name: 'feature' })).id;
  const make = async (name: string, fields: Record<string, unknown>) => {
    items[name] = await createItem(org.member, project.id, { title: name, ...fields });
  };
  await make('a Alpha', { assigneeId: org.member.id, labels: [bug], priority: 'urgent', statusId: todo, dueDate: dayIn(-1) });
  await make('b bravo', { assigneeId: org.admin.id, labels: [feature], priority: 'high', statusId: started, dueDate: dayIn(3) });
  await make('c Charlie', { labels: [bug, feature], statusId: done, dueDate: dayIn(-5) });
  await make('d 100% done_ok', { assigneeId: org.member.id, priority: 'low', statusId: backlog });
  await make('e echo', { assigneeId: org.member.id, statusId: cancelled, dueDate: dayIn(1) });
  await make('f Foxtrot', { assigneeId: org.member.id, statusId: review, dueDate: dayIn(7) });
  await make('g trashed', { assigneeId: org.member.id, statusId: todo, dueDate: dayIn(-1) });
  await make('h 100 percent doneXok', { statusId: backlog, dueDate: dayIn(8) });
  await ok(org.member, 'DELETE', `/api/v1/items/${items['g trashed']!.id}`);
  // Elsewhere: another project (in cross-project lists) and an archived one (left out of them).
  const other = await createProject(org.admin);
  items.other = await createItem(org.member, other.id, { title: 'other project', assigneeId: org.member.id, dueDate: dayIn(2) });
  const archived = await createProject(org.admin);
  items.archived = await createItem(org.member, archived.id, { title: 'archived project', assigneeId: org.member.id, dueDate: dayIn(-1) });
  await ok(org.admin, 'PATCH', `/api/v1/projects/${archived.id}`, { archived: true });
});
afterAll(() => server?.close());

const titles = async (query: string, user = org.member) =>
  (await ok(user, 'GET', `/api/v1/items?${query}`)).items.map((i: { title: string }) => i.title.split(' ')[0]);
const inProject = (query: string) => titles(`projectId=${project.id}&limit=200&${query}`);

describe('list filters', () => {
  it('filters by assignee: ids, me and none', async () => {
    expect((await inProject('assignee=me')).sort()).toEqual(['a', 'd', 'e', 'f']);
    expect((await inProject('assignee=none')).sort()).toEqual(['c', 'h']);
    expect((await inProject(`assignee=${org.admin.id},none`)).sort()).toEqual(['b', 'c', 'h']);
  });

  it('filters by label (any of them), priority, status category and status', async () => {
    const labels = (await ok(org.member, 'GET', '/api/v1/labels')).labels as { id: string; name: string }[];
    const id = (name: string) => labels.find((l) => l.name === name)!.id;
    expect((await inProject(`label=${id('bug')}`)).sort()).toEqual(['a', 'c']);
    expect((await inProject(`label=${id('bug')},${id('feature')}`)).sort()).toEqual(['a', 'b', 'c']);
    expect((await inProject('priority=urgent,high')).sort()).toEqual(['a', 'b']);
    expect((await inProject('statusCategory=completed,cancelled')).sort()).toEqual(['c', 'e']);
    expect((await inProject(`statusId=${project.statuses[1]!.id}`)).sort()).toEqual(['a']);
  });

  it('filters by due date, counting days in the organization’s time zone', async () => {
    expect((await inProject('due=overdue')).sort()).toEqual(['a', 'c']);
    expect((await inProject('due=soon')).sort()).toEqual(['b', 'e', 'f']);
    expect((await inProject('due=none')).sort()).toEqual(['d']);
    expect((await inProject('due=any')).sort()).toEqual(['a', 'b', 'c', 'e', 'f', 'h']);
  });

  it('filters by text in the title, taking % and _ literally', async () => {
    expect(await inProject('q=ALPHA')).toEqual(['a']);
    expect(await inProject(`q=${encodeURIComponent('100%')}`)).toEqual(['d']);
    expect(await inProject('q=done_')).toEqual(['d']);
  });

  it('lists the trash only when asked, and only the trash', async () => {
    expect(await inProject('trashed=true')).toEqual(['g']);
    expect(await inProject('trashed=false&assignee=me')).not.toContain('g');
  });

  it('has built-in views: my work, due soon and overdue, leaving out done and cancelled work and archived projects', async () => {
    expect((await titles('builtIn=my-work')).sort()).toEqual(['a', 'd', 'f', 'other']);
    expect((await titles('builtIn=due-soon')).sort()).toEqual(['b', 'f', 'other']);
    expect((await titles('builtIn=overdue')).sort()).toEqual(['a']);
    // Built-ins combine with other filters, and "my" work is the caller's.
    expect(await titles(`builtIn=my-work&projectId=${project.id}&priority=urgent`)).toEqual(['a']);
    expect(await titles('builtIn=my-work', org.admin)).toEqual(['b']);
  });

  it('names the parameter at fault', async () => {
    for (const [query, field] of [
      ['priority=bogus', 'priority'],
      ['assignee=nobody', 'assignee'],
      ['statusCategory=doing', 'statusCategory'],
      ['label=bug', 'label'],
      ['cursor=not-a-cursor', 'cursor'],
    ]) {
      expect((await fails(org.member, 'GET', `/api/v1/items?${query}`, undefined, 400, 'validation_failed')).field, query).toBe(field);
    }
  });
});

describe('list sorts and pages', () => {
  it('sorts by priority (urgent first), due date (none last either way), title, number and board order', async () => {
    expect(await inProject('sort=priority')).toEqual(['a', 'b', 'd', 'c', 'e', 'f', 'h']);
    expect(await inProject('sort=due')).toEqual(['c', 'a', 'e', 'b', 'f', 'h', 'd']);
    expect(await inProject('sort=due&order=desc')).toEqual(['h', 'f', 'b', 'e', 'a', 'c', 'd']);
    expect(await inProject('sort=title')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'h']);
    expect(await inProject('sort=number&order=desc')).toEqual(['h', 'f', 'e', 'd', 'c', 'b', 'a']);
    // Board: status position (Backlog, Todo, In progress, In review, Done, Cancelled), then the column's order.
    expect(await inProject('sort=board')).toEqual(['d', 'h', 'a', 'b', 'f', 'c', 'e']);
  });

  it('pages with a cursor through every sort and order without duplicates or gaps', async () => {
    const many = await createProject(org.admin);
    const statuses = many.statuses.map((s: { id: string }) => s.id);
    const priorities = ['urgent', 'high', 'medium', 'low', 'none'];
    // Ties on purpose: few priorities, few due dates, few statuses, repeated titles.
    for (let i = 0; i < 23; i++) {
      await createItem(org.member, many.id, {
        title: `Item ${i % 4}`,
        priority: priorities[i % 5],
        statusId: statuses[i % 3],
        dueDate: i % 4 === 0 ? null : dayIn(i % 3),
      });
    }
    for (const sort of ['board', 'number', 'priority', 'due', 'updated', 'created', 'title']) {
      for (const order of ['asc', 'desc']) {
        const base = `/api/v1/items?projectId=${many.id}&sort=${sort}&order=${order}`;
        const all = (await ok(org.member, 'GET', `${base}&limit=200`)).items.map((i: { id: string }) => i.id);
        expect(all).toHaveLength(23);
        const paged: string[] = [];
        let cursor: string | null = null;
        do {
          const page: { items: { id: string }[]; nextCursor: string | null } = await ok(
            org.member, 'GET', `${base}&limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          );
          paged.push(...page.items.map((i) => i.id));
          cursor = page.nextCursor;
        } while (cursor);
        expect(paged, `${sort} ${order}`).toEqual(all);
      }
    }
    // A cursor belongs to its sort.
    const first = await ok(org.member, 'GET', `/api/v1/items?projectId=${many.id}&sort=priority&limit=2`);
    await fails(org.member, 'GET', `/api/v1/items?projectId=${many.id}&sort=due&limit=2&cursor=${first.nextCursor}`, undefined, 400, 'validation_failed');
  });
});

describe('a project by key', () => {
  it('lists a board by projectKey (any case) exactly as by projectId, up to the board limit', async () => {
    const byId = await ok(org.member, 'GET', `/api/v1/items?projectId=${project.id}&sort=board&limit=1000`);
    expect(await ok(org.member, 'GET', '/api/v1/items?projectKey=list&sort=board&limit=1000')).toEqual(byId);
    expect(await ok(org.member, 'GET', `/api/v1/items?projectKey=LIST&projectId=${project.id}&sort=board`)).toMatchObject({ items: byId.items.slice(0, 50) });
  });

  it('answers 404 for a key no project of the organization has, and refuses a key and an id that disagree', async () => {
    await fails(org.member, 'GET', '/api/v1/items?projectKey=NOPE', undefined, 404, 'not_found');
    const other = await createOrganization(server.app, server.databaseUrl);
    await createProject(other.admin, { key: 'THEIRS' });
    await fails(org.member, 'GET', '/api/v1/items?projectKey=THEIRS', undefined, 404, 'not_found');
    const second = await createProject(org.admin);
    await fails(org.member, 'GET', `/api/v1/items?projectKey=LIST&projectId=${second.id}`, undefined, 400, 'validation_failed');
  });
});
