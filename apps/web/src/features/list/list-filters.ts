import type { SavedView } from '@rytask/contracts';
import type { ItemFilters } from '../items/api/items';
import type { SavedViewQuery } from '../views/api/views';

export type GroupBy = SavedViewQuery['groupBy'];
export type SortField = NonNullable<ItemFilters['sort']>;
export type BuiltIn = NonNullable<ItemFilters['builtIn']>;

/** What a list shows: the API's filters plus the grouping, which happens in the browser. */
export type ListState = {
  assignee?: string;
  label?: string;
  priority?: string;
  statusCategory?: string;
  due?: ItemFilters['due'];
  q?: string;
  builtIn?: BuiltIn;
  sort: SortField;
  order: 'asc' | 'desc';
  groupBy: GroupBy;
};

const FILTER_NAMES = ['assignee', 'label', 'priority', 'statusCategory', 'due', 'q', 'builtIn'] as const;
const SORTS: SortField[] = ['board', 'number', 'priority', 'due', 'updated', 'created', 'title'];
const GROUPS: GroupBy[] = ['none', 'status', 'assignee', 'priority', 'label'];
const BUILT_INS: BuiltIn[] = ['my-work', 'due-soon', 'overdue'];
const DUES = ['overdue', 'soon', 'none', 'any'] as const;

export const BUILT_IN_LABEL: Record<BuiltIn, string> = { 'my-work': 'My work', 'due-soon': 'Due soon', overdue: 'Overdue' };

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

/** The list's state from the address bar (so every list can be bookmarked and shared). */
export function readListState(params: URLSearchParams): ListState {
  return {
    assignee: params.get('assignee') || undefined,
    label: params.get('label') || undefined,
    priority: params.get('priority') || undefined,
    statusCategory: params.get('statusCategory') || undefined,
    due: oneOf(params.get('due'), DUES),
    q: params.get('q') || undefined,
    builtIn: oneOf(params.get('builtIn'), BUILT_INS),
    sort: oneOf(params.get('sort'), SORTS) ?? 'updated',
    order: params.get('order') === 'asc' ? 'asc' : params.get('order') === 'desc' ? 'desc' : params.get('sort') ? 'asc' : 'desc',
    groupBy: oneOf(params.get('groupBy'), GROUPS) ?? 'none',
  };
}

export function listStateFromView(view: SavedView): ListState {
  const { query } = view;
  return {
    assignee: query.assignee,
    label: query.label,
    priority: query.priority,
    statusCategory: query.statusCategory,
    due: query.due,
    q: query.q,
    builtIn: query.builtIn,
    sort: query.sort,
    order: query.order,
    groupBy: query.groupBy,
  };
}

export function toSearchParams(state: ListState): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = state[name];
    if (value) params.set(name, value);
  }
  if (state.sort !== 'updated' || state.order !== 'desc') {
    params.set('sort', state.sort);
    params.set('order', state.order);
  }
  if (state.groupBy !== 'none') params.set('groupBy', state.groupBy);
  return params;
}

export function toItemFilters(state: ListState, projectId?: string): ItemFilters {
  const filters: ItemFilters = { sort: state.sort, order: state.order, limit: 50 };
  if (projectId) filters.projectId = projectId;
  for (const name of FILTER_NAMES) {
    const value = state[name];
    if (value) (filters as Record<string, string>)[name] = value;
  }
  return filters;
}

export function toViewQuery(state: ListState, projectId?: string): SavedViewQuery {
  const { groupBy, sort, order, ...rest } = state;
  const query: SavedViewQuery = { sort, order, groupBy, layout: 'list' };
  if (projectId) query.projectId = projectId;
  for (const [name, value] of Object.entries(rest)) if (value) (query as Record<string, string>)[name] = value;
  return query;
}

export function hasFilters(state: ListState): boolean {
  return FILTER_NAMES.some((name) => name !== 'builtIn' && Boolean(state[name]));
}
