import type { Label, PersonRef, Project } from '@rytask/contracts';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Button } from '../../../components/button';
import { useLabels, useMembers } from '../../items/api/reference-data';
import { CATEGORY_LABEL, PRIORITIES, PRIORITY_LABEL, STATUS_CATEGORIES } from '../../items/components/item-bits';
import { hasFilters, type GroupBy, type ListState } from '../list-filters';

type Props = {
  state: ListState;
  onChange: (next: Partial<ListState>) => void;
  project?: Project;
  /**
   * The board's bar: no status (the columns are the statuses) and no grouping; the people and labels
   * to offer come from the cards already loaded instead of two more requests.
   */
  board?: { people: PersonRef[]; labels: Label[] };
};

/** Assignee, label, priority, status, due and text filters, and the grouping. */
export function FilterBar({ state, onChange, board }: Props) {
  const members = useMembers({ enabled: !board });
  const labels = useLabels({ enabled: !board });
  const people = board ? board.people : members.data?.filter((member) => !member.deactivated);
  const labelOptions = board ? board.labels : labels.data;
  const [text, setText] = useState(state.q ?? '');

  // Typing filters after a short pause, not on every key. Only the text restarts the pause: the
  // latest onChange and q are read through a ref, so a re-render does not postpone the filter.
  const latest = useRef({ onChange, q: state.q });
  latest.current = { onChange, q: state.q };
  useEffect(() => setText(state.q ?? ''), [state.q]);
  useEffect(() => {
    if ((latest.current.q ?? '') === text.trim()) return;
    const timer = window.setTimeout(() => latest.current.onChange({ q: text.trim() || undefined }), 300);
    return () => window.clearTimeout(timer);
  }, [text]);

  return (
    <div className="filter-bar" role="group" aria-label="Filters" data-testid="filter-bar">
      <input
        type="search"
        className="filter-bar__text select"
        aria-label="Filter by text"
        placeholder="Filter by text…"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <Filter label="Assignee" value={state.assignee} onChange={(assignee) => onChange({ assignee })}>
        <option value="">Anyone</option>
        <option value="me">Me</option>
        <option value="none">Unassigned</option>
        {people?.map((member) => (
          <option key={member.id} value={member.id}>
            {member.name}
          </option>
        ))}
      </Filter>
      <Filter label="Label" value={state.label} onChange={(label) => onChange({ label })}>
        <option value="">Any label</option>
        {labelOptions?.map((label) => (
          <option key={label.id} value={label.id}>
            {label.name}
          </option>
        ))}
      </Filter>
      <Filter label="Priority" value={state.priority} onChange={(priority) => onChange({ priority })}>
        <option value="">Any priority</option>
        {PRIORITIES.map((priority) => (
          <option key={priority} value={priority}>
            {PRIORITY_LABEL[priority]}
          </option>
        ))}
      </Filter>
      {!board && (
        <Filter label="Status" value={state.statusCategory} onChange={(statusCategory) => onChange({ statusCategory })}>
          <option value="">Any status</option>
          <option value="backlog,unstarted,started">Open</option>
          {STATUS_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {CATEGORY_LABEL[category]}
            </option>
          ))}
        </Filter>
      )}
      <Filter
        label="Due"
        value={state.due}
        onChange={(due) => onChange({ due: due as ListState['due'] })}
      >
        <option value="">Any due date</option>
        <option value="overdue">Overdue</option>
        <option value="soon">Due soon</option>
        <option value="any">Has a due date</option>
        <option value="none">No due date</option>
      </Filter>
      {!board && (
        <Filter label="Group by" value={state.groupBy === 'none' ? '' : state.groupBy} onChange={(group) => onChange({ groupBy: (group || 'none') as GroupBy })}>
          <option value="">No grouping</option>
          <option value="status">Group by status</option>
          <option value="assignee">Group by assignee</option>
          <option value="priority">Group by priority</option>
          <option value="label">Group by label</option>
        </Filter>
      )}
      {hasFilters(state) && (
        <Button
          variant="quiet"
          size="small"
          onClick={() =>
            onChange({ assignee: undefined, label: undefined, priority: undefined, statusCategory: undefined, due: undefined, q: undefined })
          }
        >
          Clear filters
        </Button>
      )}
    </div>
  );
}

type FilterProps = { label: string; value?: string; onChange: (value: string | undefined) => void; children: ReactNode };

function Filter({ label, value, onChange, children }: FilterProps) {
  const id = useId();
  return (
    <span className={`filter${value ? ' filter--active' : ''}`}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <select id={id} className="select" value={value ?? ''} onChange={(event) => onChange(event.target.value || undefined)}>
        {children}
      </select>
    </span>
  );
}
