import type { ItemSummary, Project, Status } from '@rytask/contracts';
import { useMemo } from 'react';
import { Link } from 'wouter';
import { Button } from '../../../components/button';
import { EmptyState } from '../../../components/empty-state';
import { Loading } from '../../../components/loading';
import { QueryError } from '../../../components/query-error';
import { formatWhen } from '../../../lib/format';
import { useItemList } from '../../items/api/items';
import { useToday } from '../../items/api/reference-data';
import { useSessionContext } from '../../../app/session-context';
import { Avatar, DueChip, LabelChip, PRIORITIES, PRIORITY_LABEL, PriorityIcon } from '../../items/components/item-bits';
import { useRunningItemId, useTimerActions, type TimerItem } from '../../time/api/timer';
import { TimeMeter } from '../../time/components/time-meter';
import { TimerButton } from '../../time/components/timer-button';
import { hasFilters, toItemFilters, type ListState, type SortField } from '../list-filters';

type Props = {
  state: ListState;
  project?: Project;
  projects: Project[];
  onSort: (next: Partial<ListState>) => void;
};

type Group = { key: string; title: string; items: ItemSummary[] };

const COLUMNS: { label: string; sort?: SortField; className?: string }[] = [
  { label: 'Key', sort: 'number', className: 'col-key' },
  { label: 'Title', sort: 'title', className: 'col-title' },
  { label: 'Status', className: 'col-status' },
  { label: 'Priority', sort: 'priority', className: 'col-priority' },
  { label: 'Assignee', className: 'col-assignee' },
  { label: 'Due', sort: 'due', className: 'col-due' },
  { label: 'Time', className: 'col-time' },
  { label: 'Updated', sort: 'updated', className: 'col-updated' },
];

export function ItemTable({ state, project, projects, onSort }: Props) {
  const query = useItemList(toItemFilters(state, project?.id));
  const today = useToday();
  const { canEdit } = useSessionContext();
  const runningItemId = useRunningItemId(canEdit);
  const { toggle } = useTimerActions();
  const columns = canEdit ? [...COLUMNS, { label: 'Timer', className: 'col-timer' }] : COLUMNS;
  const statuses = useMemo(() => {
    const all = new Map<string, Status>();
    for (const candidate of projects) for (const status of candidate.statuses) all.set(status.id, status);
    return all;
  }, [projects]);

  const items = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const groups = useMemo(() => groupItems(items, state.groupBy, statuses), [items, state.groupBy, statuses]);

  if (query.isPending) return <Loading label="Loading items…" />;
  if (query.isError) return <QueryError error={query.error} retry={() => void query.refetch()} what="the items" />;
  if (items.length === 0) {
    return (
      <EmptyState title={hasFilters(state) || state.builtIn ? 'Nothing matches' : 'No items yet'} testId="list-empty">
        <p>
          {hasFilters(state) || state.builtIn
            ? 'No item matches these filters. Loosen or clear them to see more.'
            : 'Press c (or “New item”) to add the first one.'}
        </p>
      </EmptyState>
    );
  }

  return (
    <div className="table-wrap">
      <table className="item-table" data-testid="item-table">
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.label}
                scope="col"
                className={column.className}
                aria-sort={
                  column.sort && state.sort === column.sort ? (state.order === 'asc' ? 'ascending' : 'descending') : undefined
                }
              >
                {column.sort ? (
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() =>
                      onSort({
                        sort: column.sort,
                        order: state.sort === column.sort && state.order === 'asc' ? 'desc' : 'asc',
                      })
                    }
                  >
                    {column.label}
                    <span className="sort-button__arrow" aria-hidden="true">
                      {state.sort === column.sort ? (state.order === 'asc' ? '↑' : '↓') : ''}
                    </span>
                  </button>
                ) : column.className === 'col-timer' ? (
                  <span className="visually-hidden">{column.label}</span>
                ) : (
                  column.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.key}>
            {state.groupBy !== 'none' && (
              <tr className="item-table__group">
                <th colSpan={columns.length} scope="colgroup">
                  {group.title} <span className="muted">{group.items.length}</span>
                </th>
              </tr>
            )}
            {group.items.map((item) => (
              <ItemRow
                key={item.id}
                item={item}
                status={statuses.get(item.statusId)}
                today={today}
                timer={canEdit ? { running: item.id === runningItemId, onToggle: toggle } : undefined}
              />
            ))}
          </tbody>
        ))}
      </table>
      {query.hasNextPage && (
        <div className="table-more">
          <Button onClick={() => void query.fetchNextPage()} pending={query.isFetchingNextPage}>
            Show more
          </Button>
        </div>
      )}
    </div>
  );
}

type RowProps = {
  item: ItemSummary;
  status?: Status;
  today: string;
  /** Absent for viewers: they see no timer buttons. */
  timer?: { running: boolean; onToggle: (item: TimerItem) => void };
};

function ItemRow({ item, status, today, timer }: RowProps) {
  const done = item.statusCategory === 'completed' || item.statusCategory === 'cancelled';
  return (
    <tr className={done ? 'item-row item-row--done' : 'item-row'} data-testid={`row-${item.key}`}>
      <td className="col-key">
        <span className="item-row__key">{item.key}</span>
      </td>
      <td className="col-title">
        <Link href={`/items/${item.key}`} className="item-row__title" data-nav-item>
          {item.title}
        </Link>
        {item.labels.length > 0 && (
          <span className="item-row__labels">
            {item.labels.map((label) => (
              <LabelChip key={label.id} label={label} />
            ))}
          </span>
        )}
      </td>
      <td className="col-status">
        <span className="status-cell">
          <span className={`status-dot status-dot--${item.statusCategory}`} aria-hidden="true" />
          {status?.name ?? item.statusCategory}
        </span>
      </td>
      <td className="col-priority">
        <PriorityIcon priority={item.priority} withLabel />
      </td>
      <td className="col-assignee">
        {item.assignee ? (
          <span className="person-cell">
            <Avatar person={item.assignee} />
            <span>{item.assignee.name}</span>
          </span>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td className="col-due">{item.dueDate ? <DueChip dueDate={item.dueDate} today={today} done={done} /> : null}</td>
      <td className="col-time">
        <TimeMeter loggedSeconds={item.loggedSeconds ?? 0} estimateMinutes={item.estimateMinutes} />
      </td>
      <td className="col-updated muted" title={item.updatedAt}>
        {formatWhen(item.updatedAt)}
      </td>
      {timer && (
        <td className="col-timer">
          <TimerButton item={item} running={timer.running} onToggle={timer.onToggle} />
        </td>
      )}
    </tr>
  );
}

function groupItems(items: ItemSummary[], groupBy: ListState['groupBy'], statuses: Map<string, Status>): Group[] {
  if (groupBy === 'none') return [{ key: 'all', title: '', items }];
  const groups = new Map<string, Group>();
  const add = (key: string, title: string, item: ItemSummary) => {
    const group = groups.get(key) ?? { key, title, items: [] };
    group.items.push(item);
    groups.set(key, group);
  };
  for (const item of items) {
    if (groupBy === 'status') {
      const status = statuses.get(item.statusId);
      add(status?.name.toLowerCase() ?? item.statusCategory, status?.name ?? item.statusCategory, item);
    } else if (groupBy === 'assignee') {
      add(item.assignee?.id ?? '~none', item.assignee?.name ?? 'Unassigned', item);
    } else if (groupBy === 'priority') {
      add(item.priority, PRIORITY_LABEL[item.priority], item);
    } else if (item.labels.length === 0) {
      add('~none', 'No label', item);
    } else {
      // An item with several labels appears under each of them.
      for (const label of item.labels) add(label.name.toLowerCase(), label.name, item);
    }
  }
  const ordered = [...groups.values()];
  if (groupBy === 'priority') ordered.sort((a, b) => PRIORITIES.indexOf(a.key as never) - PRIORITIES.indexOf(b.key as never));
  else if (groupBy === 'status') {
    const rank = (group: Group) => statuses.get(group.items[0]!.statusId)?.position ?? 99;
    ordered.sort((a, b) => rank(a) - rank(b));
  } else ordered.sort((a, b) => (a.key.startsWith('~') ? 1 : b.key.startsWith('~') ? -1 : a.title.localeCompare(b.title)));
  return ordered;
}
