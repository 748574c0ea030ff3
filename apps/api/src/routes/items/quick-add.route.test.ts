import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from '../../../../../test/support/api';
import { withClient } from '../../../../../test/support/db';
import { startTestServer } from '../../../../../test/support/server';
import { createProject, fails, ok } from '../../../../../test/support/work';

let server: Awaited<ReturnType<typeof startTestServer>>;
let org: Awaited<ReturnType<typeof createOrganization>>;
let other: Awaited<ReturnType<typeof createOrganization>>;
let project: { id: string; key: string };
const TIME_ZONE = new Date().getUTCHours() >= 10 ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago';

function todayThere(offsetDays = 0): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date());
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return new Date(Date.UTC(get('year'), get('month') - 1, get('day') + offsetDays)).toISOString().slice(0, 10);
}

const query = async (sql: string, params: unknown[] = []) => {
  const rows = await withClient(server.databaseUrl, async (c) => (await c.query(sql, params)).rows);
  await server.changesSeen();
  return rows;
};
const counts = async () => (await query('SELECT (SELECT count(*) FROM items)::int AS items, (SELECT count(*) FROM labels)::int AS labels'))[0];

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganization(server.app, server.databaseUrl);
  other = await createOrganization(server.app, server.databaseUrl);
  await query('UPDATE organizations SET time_zone = $2, working_minutes_per_day = 360 WHERE id = $1', [org.id, TIME_ZONE]);
  project = await createProject(org.admin, { key: 'QA' });
  await ok(org.member, 'POST', '/api/v1/labels', { name: 'bug' });
});
afterAll(() => server?.close());

const quickAdd = (text: string, dryRun = false, user = org.member) =>
  user.request('POST', '/api/v1/items/quick-add', { projectId: project.id, text, dryRun });

describe('quick-add', () => {
  it('creates a fully described item from one line, reporting each token it read', async () => {
    const text = `Fix login redirect @${org.admin.handle} #BUG #brand-new !high ^2030-12-24 ~1h30m`;
    const response = await quickAdd(text);
    expect(response.statusCode).toBe(201);
    const { item, understood, problems } = response.json();
    expect(item).toMatchObject({
      key: 'QA-1',
      title: 'Fix login redirect',
      assignee: { id: org.admin.id },
      priority: 'high',
      dueDate: '2030-12-24',
      estimateMinutes: 90,
      source: 'web',
      createdBy: { id: org.member.id },
    });
    expect(item.labels.map((l: { name: string }) => l.name)).toEqual(['brand-new', 'bug']);
    expect(understood.map((u: { kind: string; text: string }) => [u.kind, u.text])).toEqual([
      ['assignee', `@${org.admin.handle}`],
      ['label', '#BUG'],
      ['label', '#brand-new'],
      ['priority', '!high'],
      ['due', '^2030-12-24'],
      ['estimate', '~1h30m'],
    ]);
    for (const token of understood) expect(text.slice(token.start, token.end)).toBe(token.text);
    expect(problems).toEqual([]);
  });

  it('counts dates from today in the organization’s time zone and days in its working day', async () => {
    const { item } = (await quickAdd('Plan the week ^tomorrow ~1d')).json();
    expect(item).toMatchObject({ title: 'Plan the week', dueDate: todayThere(1), estimateMinutes: 360 });
    expect((await quickAdd('Today ^today')).json().item.dueDate).toBe(todayThere());
  });

  it('keeps tokens it cannot resolve in the title, reports them, and still creates the item', async () => {
    const response = await quickAdd('Call @nobody about it ^someday !!');
    expect(response.statusCode).toBe(201);
    const { item, problems } = response.json();
    expect(item.title).toBe('Call @nobody about it ^someday !!');
    expect(item.assignee).toBeNull();
    expect(problems.map((p: { kind: string; text: string }) => [p.kind, p.text])).toEqual([
      ['assignee', '@nobody'],
      ['due', '^someday'],
      ['priority', '!!'],
    ]);
    for (const problem of problems) expect(problem.message).toEqual(expect.any(String));
  });

  it('creates nothing on a dry run, not even labels', async () => {
    const before = await counts();
    const dry = await quickAdd('Preview only #never-created !urgent', true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({
      item: null,
      understood: [{ kind: 'label', value: expect.stringContaining('never-created') }, { kind: 'priority' }],
      problems: [],
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses a line that leaves no title, naming the text (a dry run reports it instead)', async () => {
    const error = await fails(org.member, 'POST', '/api/v1/items/quick-add', { projectId: project.id, text: '#bug !high' }, 400, 'validation_failed');
    expect(error.field).toBe('text');
    const dry = (await quickAdd('#bug !high', true)).json();
    expect(dry.problems).toEqual([expect.objectContaining({ kind: 'title' })]);
    expect((await fails(org.member, 'POST', '/api/v1/items/quick-add', { projectId: project.id, text: '   ' }, 400, 'validation_failed')).field).toBe('text');
  });

  it('is for members: viewers get 403, another organization’s project 404', async () => {
    await fails(org.viewer, 'POST', '/api/v1/items/quick-add', { projectId: project.id, text: 'Nope' }, 403, 'forbidden');
    const response = await other.owner.request('POST', '/api/v1/items/quick-add', { projectId: project.id, text: 'Nope', dryRun: true });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain(project.key);
  });
});
