import type { ItemSummary, SavedView } from '@rytask/contracts';
import { addDays } from '../../lib/format';
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

export function toViewQuery(state: ListState, projectId?: string, layout: SavedViewQuery['layout'] = 'list'): SavedViewQuery {
  const { groupBy, sort, order, ...rest } = state;
  const query: SavedViewQuery = { sort, order, groupBy, layout };
  if (projectId) query.projectId = projectId;
  for (const [name, value] of Object.entries(rest)) if (value) (query as Record<string, string>)[name] = value;
  return query;
}

export function hasFilters(state: ListState): boolean {
  return FILTER_NAMES.some((name) => name !== 'builtIn' && Boolean(state[name]));
}

/**
 * A board's state: the list's filters without what a board has no use for (sorting and grouping
 * are the columns' order; the built-in tabs are list pages). So `toSearchParams` writes only the
 * filters, and a board's address reads like a list's: `/projects/OPS?assignee=me&q=printer`.
 */
export function boardState(state: ListState): ListState {
  return { ...state, builtIn: undefined, sort: 'updated', order: 'desc', groupBy: 'none' };
}

const csv = (value: string | undefined) => (value ? new Set(value.split(',').filter(Boolean)) : undefined);

/**
 * The list's filters as a test of one loaded item, for the board (which has every open item of the
 * project already and filters in the browser). Same meaning as the API's: comma lists are "any of",
 * `me` is the caller, `none` unassigned, due "soon" is today to a week ahead, the text is part of the
 * title in any case. The state is parsed once here, so each card costs a few comparisons. `null`
 * when nothing is filtered. The status category is left to the caller (on a board it picks columns).
 */
export function itemMatcher(state: ListState, me: string, today: string): ((item: ItemSummary) => boolean) | null {
  const assignees = csv(state.assignee);
  const unassigned = assignees?.has('none') ?? false;
  if (assignees?.has('me')) assignees.add(me);
  const labels = csv(state.label);
  const priorities = csv(state.priority);
  const { due } = state;
  const soon = addDays(today, 7);
  const text = state.q?.trim().toLowerCase();
  if (!assignees && !labels && !priorities && !due && !text) return null;
  return (item) =>
    (!assignees || (item.assignee ? assignees.has(item.assignee.id) : unassigned)) &&
    (!labels || item.labels.some((label) => labels.has(label.id))) &&
    (!priorities || priorities.has(item.priority)) &&
    (!due ||
      (due === 'none'
        ? !item.dueDate
        : !!item.dueDate && (due === 'any' || (due === 'overdue' ? item.dueDate < today : item.dueDate >= today && item.dueDate <= soon)))) &&
    (!text || item.title.toLowerCase().includes(text));
}
