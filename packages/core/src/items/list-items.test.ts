import { describe, expect, it } from 'vitest';
import { itemListQuerySchema } from '@rytask/contracts';
import { AppError } from '../errors';
import type { Caller } from '../session';
import { itemListFilter } from './list-items';
import { todayIn } from './quick-add';

const caller = { user: { id: '11111111-1111-4111-8111-111111111111' }, organization: { id: 'org' }, role: 'MEMBER' } as unknown as Caller;
const filterOf = (query: Record<string, string>) => itemListFilter(caller, itemListQuerySchema.parse(query));

describe('the item list query', () => {
  it('reads comma-separated filters, with me and none for assignees', () => {
    const other = '22222222-2222-4222-8222-222222222222';
    expect(filterOf({ assignee: `me, ${other},none`, priority: 'urgent,high,urgent', statusCategory: 'started' })).toMatchObject({
      assignee: { ids: [other, caller.user.id], unassigned: true },
      priorities: ['urgent', 'high'],
      statusCategories: ['started'],
      trashed: false,
    });
  });

  it('adds the built-in views to the other filters', () => {
    expect(filterOf({ builtIn: 'my-work', priority: 'low' })).toMatchObject({ assignedTo: caller.user.id, openOnly: true, priorities: ['low'] });
    expect(filterOf({ builtIn: 'overdue', due: 'any' })).toMatchObject({ due: ['any', 'overdue'], openOnly: true });
    expect(filterOf({ builtIn: 'due-soon' })).toMatchObject({ due: ['soon'], openOnly: true });
  });

  it('reads trashed=false as false', () => {
    expect(filterOf({ trashed: 'false' }).trashed).toBe(false);
    expect(filterOf({ trashed: 'true' }).trashed).toBe(true);
  });

  it('names the parameter of an entry it cannot read', () => {
    for (const [name, value] of [['assignee', 'sam'], ['label', 'bug'], ['priority', 'asap'], ['statusCategory', 'doing'], ['statusId', '1']]) {
      const error = (() => {
        try {
          filterOf({ [name!]: value! });
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'validation_failed', field: name });
    }
  });
});

describe('today in a time zone', () => {
  it('is the calendar day there, not on the server', () => {
    const instant = new Date('2026-03-01T11:30:00Z');
    expect(todayIn('UTC', instant)).toBe('2026-03-01');
    expect(todayIn('Pacific/Kiritimati', instant)).toBe('2026-03-02');
    expect(todayIn('Pacific/Pago_Pago', new Date('2026-03-01T05:00:00Z'))).toBe('2026-02-28');
    expect(todayIn('Not/AZone', instant)).toBe('2026-03-01');
  });
});
