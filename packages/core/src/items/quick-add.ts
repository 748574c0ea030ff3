// Quick-add: one line → a fully described item, through the shared parser (the web app runs the
// same one for its live preview). The context is the organization's: active members, labels,
// today in its time zone, its week start and working day.
import { findOrganizationCalendar, listLabelRows, listOrganizationPeople, type Database } from '@rytask/db';
import { createItemSchema } from '@rytask/contracts';
import { parseQuickAdd, type QuickAddContext, type QuickAddResult } from '@rytask/contracts/quick-add';
import { AppError } from '../errors';
import { assertRole } from '../policies/roles';
import { requireProject } from '../projects/projects';
import type { Caller } from '../session';
import { createItem } from './create-item';
import type { ItemDetailView } from './item-view';

/** 'YYYY-MM-DD' at `now` in the time zone (UTC when the zone is unknown to this runtime). */
export function todayIn(timeZone: string, now = new Date()): string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  } catch {
    format = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' });
  }
  const part = (type: string) => format.formatToParts(now).find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

export interface QuickAddOutcome {
  item: ItemDetailView | null;
  parsed: QuickAddResult;
}

export async function quickAdd(
  db: Database,
  caller: Caller,
  input: { projectId: string; text: string; dryRun: boolean },
): Promise<QuickAddOutcome> {
  await requireProject(db, caller, input.projectId);
  assertRole(caller, 'MEMBER');
  const [people, labels, calendar] = await Promise.all([
    listOrganizationPeople(db, caller.organization.id),
    listLabelRows(db, caller.organization.id),
    findOrganizationCalendar(db, caller.organization.id),
  ]);
  const context: QuickAddContext = {
    members: people.filter((p) => p.active).map(({ id, handle, name, email }) => ({ id, handle, name, email })),
    labels: labels.map(({ id, name }) => ({ id, name })),
    today: todayIn(calendar?.timeZone ?? 'UTC'),
    weekStart: calendar?.weekStart,
    workingMinutesPerDay: calendar?.workingMinutesPerDay,
  };
  const parsed = parseQuickAdd(input.text, context);
  // The live preview shows problems (an empty title included) instead of failing.
  if (input.dryRun) return { item: null, parsed };
  if (parsed.title === '') {
    const problem = parsed.problems.find((p) => p.kind === 'title');
    throw new AppError('validation_failed', problem?.message ?? 'Add a title.', { field: 'text' });
  }
  const fields = createItemSchema.safeParse({
    title: parsed.title,
    assigneeId: parsed.assigneeId,
    labels: [...parsed.labelIds, ...parsed.newLabels],
    priority: parsed.priority,
    dueDate: parsed.dueDate,
    estimateMinutes: parsed.estimateMinutes,
  });
  if (!fields.success) {
    throw new AppError('validation_failed', fields.error.issues[0]?.message ?? 'This line does not make a valid item.', { field: 'text' });
  }
  return { item: await createItem(db, caller, input.projectId, fields.data), parsed };
}
