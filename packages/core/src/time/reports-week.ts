// "My week": one person's week (the organization's week start and time zone), day by day with the
// items worked on, and a plain-text summary to paste into a stand-up or a timesheet.
import { findMember, findOrganizationCalendar, personDayRows, reportItems, type Executor } from '@rytask/db';
import type { MyWeek, Split } from '@rytask/contracts';
import { todayIn } from '../items/quick-add';
import type { Caller } from '../session';
import { addDays, eachDay, formatDay, formatDuration, weekStartOf } from './reports-calendar';
import { addToSplit, emptySplit, personNotFound } from './reports';

type ItemRef = MyWeek['days'][number]['items'][number]['item'];

export async function getMyWeek(db: Executor, caller: Caller, query: { day?: string; userId?: string }): Promise<MyWeek> {
  const organizationId = caller.organization.id;
  const userId = query.userId ?? caller.user.id;
  const [calendar, member] = await Promise.all([findOrganizationCalendar(db, organizationId), findMember(db, organizationId, userId)]);
  if (!member) throw personNotFound();
  const timeZone = calendar?.timeZone ?? 'UTC';
  const weekStart = weekStartOf(query.day ?? todayIn(timeZone), calendar?.weekStart ?? 1);
  const weekEnd = addDays(weekStart, 6);
  const rows = await personDayRows(db, { organizationId, userId, from: weekStart, to: weekEnd });
  const items = new Map((await reportItems(db, organizationId, [...new Set(rows.map((r) => r.itemId))])).map((i) => [i.id, i]));

  const days = eachDay(weekStart, weekEnd).map((day) => ({ day, ...emptySplit(), items: new Map<string, Split & { item: ItemRef }>() }));
  const totals = emptySplit();
  for (const row of rows) {
    const day = days.find((d) => d.day === row.day);
    const item = items.get(row.itemId);
    if (!day || !item) continue;
    const entry = day.items.get(row.itemId) ?? { item, ...emptySplit() };
    day.items.set(row.itemId, entry);
    for (const split of [entry, day, totals]) addToSplit(split, row.classification, row.seconds);
  }
  const week: Omit<MyWeek, 'text'> = {
    person: { id: member.id, name: member.name, handle: member.handle },
    weekStart,
    days: days.map(({ items: byItem, ...day }) => ({
      ...day,
      items: [...byItem.values()].sort((a, b) => b.tracked - a.tracked || a.item.key.localeCompare(b.item.key)),
    })),
    totals,
  };
  return { ...week, text: weekText(week) };
}

/**
 * Week of Mon 23 Nov 2026 — 31h 20m tracked (26h planned, 5h 20m interruption)
 * Mon 23 Nov — 6h 10m: OPS-12 Fix login 2h; OPS-14 Outage 4h 10m (interruption)
 * Tue 24 Nov — nothing tracked
 */
export function weekText(week: Omit<MyWeek, 'text'>): string {
  const { totals } = week;
  const lines = [
    `Week of ${formatDay(week.weekStart, true)} — ${formatDuration(totals.tracked)} tracked ` +
      `(${formatDuration(totals.planned)} planned, ${formatDuration(totals.interruption)} interruption)`,
  ];
  for (const day of week.days) {
    if (day.tracked === 0) {
      lines.push(`${formatDay(day.day)} — nothing tracked`);
      continue;
    }
    const items = day.items.map(({ item, planned, interruption, tracked }) => {
      const what = `${item.key} ${item.title.replace(/\s+/g, ' ').trim()} ${formatDuration(tracked)}`;
      if (planned === 0) return `${what} (interruption)`;
      if (interruption === 0) return what;
      return `${what} (${formatDuration(interruption)} interruption)`;
    });
    lines.push(`${formatDay(day.day)} — ${formatDuration(day.tracked)}: ${items.join('; ')}`);
  }
  return lines.join('\n');
}
