import type { ItemSummary, Label, PersonRef, Project, SavedView } from '@rytask/contracts';
import { useMemo, useState } from 'react';
import { useLocation, useParams, useSearchParams } from 'wouter';
import { Button } from '../../../components/button';
import { Loading } from '../../../components/loading';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { NotFoundPage } from '../../../app/not-found-page';
import { useSessionContext } from '../../../app/session-context';
import { useBoardItems } from '../../items/api/items';
import { useToday } from '../../items/api/reference-data';
import { FilterBar } from '../../list/components/filter-bar';
import { SaveViewDialog } from '../../list/components/save-view-dialog';
import {
  boardState,
  hasFilters,
  itemMatcher,
  listStateFromView,
  readListState,
  toSearchParams,
  type ListState,
} from '../../list/list-filters';
import { useProjectByKey } from '../../projects/api/projects';
import { ProjectTabs } from '../../projects/components/project-tabs';
import { useSavedViews } from '../../views/api/views';
import { ViewActions } from '../../views/components/view-actions';
import { Board } from './board';

/** `/projects/:key`, filtered by the address like a list (`?assignee=me&q=…`) or by a saved view (`?view=<id>`). */
export function BoardPage() {
  const { key = '' } = useParams<{ key: string }>();
  const { project, isPending, isError, error, refetch } = useProjectByKey(key);
  const [params] = useSearchParams();
  const viewId = params.get('view');
  // The side bar reads the views anyway: this is the same query, not another request.
  const views = useSavedViews();

  if (isPending || (viewId && views.isPending)) return <Loading label="Loading the board…" />;
  if (isError) return <QueryError error={error} retry={() => void refetch()} what="the project" />;
  if (!project) return <NotFoundPage what="project" />;
  const view = viewId ? views.data?.find((candidate) => candidate.id === viewId) : undefined;
  if (viewId && !view) return <NotFoundPage what="saved view" />;
  return <ProjectBoard project={project} view={view} />;
}

const CLEARED: Partial<ListState> = {
  assignee: undefined,
  label: undefined,
  priority: undefined,
  statusCategory: undefined,
  due: undefined,
  q: undefined,
};

function ProjectBoard({ project, view }: { project: Project; view?: SavedView }) {
  const items = useBoardItems(project.key);
  const { session, canEdit } = useSessionContext();
  const today = useToday();
  const [params] = useSearchParams();
  const [, navigate] = useLocation();
  const [saving, setSaving] = useState(false);
  const search = params.toString();
  // Parsed once per address, so the test below (and the board's filtered columns) stay the same
  // objects from one render to the next.
  const state = useMemo(
    () => boardState(view ? listStateFromView(view) : readListState(new URLSearchParams(search))),
    [view, search],
  );
  const matches = useMemo(() => itemMatcher(state, session.user.id, today), [state, session.user.id, today]);
  const categories = useMemo(
    () => (state.statusCategory ? new Set(state.statusCategory.split(',')) : undefined),
    [state.statusCategory],
  );
  const options = useMemo(() => filterOptions(items.data ?? []), [items.data]);
  const filtered = hasFilters(state);
  const shownCount = useMemo(
    () =>
      filtered && items.data
        ? items.data.filter((item) => (!categories || categories.has(item.statusCategory)) && (!matches || matches(item))).length
        : undefined,
    [filtered, items.data, categories, matches],
  );

  // Like the list: filters live in the address (so a reload or a shared link keeps them), and a
  // saved view is a starting point — changing a filter leaves it for the plain, filtered board.
  function change(next: Partial<ListState>) {
    const query = toSearchParams(boardState({ ...state, ...next })).toString();
    navigate(`/projects/${project.key}${query ? `?${query}` : ''}`, { replace: !view });
  }

  return (
    <>
      <PageHeader
        eyebrow={<span className="key-chip">{project.key}</span>}
        title={view?.name ?? project.name}
        actions={
          <>
            <ViewActions view={view} onSave={() => setSaving(true)} />
            <ProjectTabs project={project} />
          </>
        }
      />
      <FilterBar state={state} onChange={change} project={project} board={options} />
      {shownCount !== undefined && items.data && (
        <p className="board-filter-note" role="status" data-testid="board-filter-note">
          {shownCount === 0 ? (
            <>
              No cards match these filters.{' '}
              <Button variant="quiet" size="small" onClick={() => change(CLEARED)}>
                Show all cards
              </Button>
            </>
          ) : (
            `Showing ${shownCount} of ${items.data.length} cards.`
          )}
        </p>
      )}
      {items.isPending ? (
        <Loading label="Loading items…" />
      ) : items.isError ? (
        <QueryError error={items.error} retry={() => void items.refetch()} what="the items" />
      ) : (
        <Board project={project} items={items.data} matches={matches} categories={categories} />
      )}
      {canEdit && (
        <SaveViewDialog open={saving} onClose={() => setSaving(false)} state={state} project={project} layout="board" />
      )}
    </>
  );
}

/** The people and labels on the board's cards, by name: what the board's filter bar offers. */
function filterOptions(items: ItemSummary[]): { people: PersonRef[]; labels: Label[] } {
  const people = new Map<string, PersonRef>();
  const labels = new Map<string, Label>();
  for (const item of items) {
    if (item.assignee) people.set(item.assignee.id, item.assignee);
    for (const label of item.labels) labels.set(label.id, label);
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return { people: [...people.values()].sort(byName), labels: [...labels.values()].sort(byName) };
}
