import type { Project, SavedView } from '@rytask/contracts';
import { useState } from 'react';
import { useLocation, useParams, useSearchParams } from 'wouter';
import { Loading } from '../../../components/loading';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { NotFoundPage } from '../../../app/not-found-page';
import { useSessionContext } from '../../../app/session-context';
import { useProjectByKey, useProjects } from '../../projects/api/projects';
import { ProjectTabs } from '../../projects/components/project-tabs';
import { useSavedViews } from '../../views/api/views';
import { ViewActions } from '../../views/components/view-actions';
import { BUILT_IN_LABEL, listStateFromView, readListState, toSearchParams, type ListState } from '../list-filters';
import { BuiltInTabs } from './built-in-tabs';
import { FilterBar } from './filter-bar';
import { ItemTable } from './item-table';
import { SaveViewDialog } from './save-view-dialog';

/** `/projects/:key/list` (one project) and `/list` (every project, e.g. My work). */
export function ListPage() {
  const { key } = useParams<{ key?: string }>();
  const projects = useProjects();
  const { project } = useProjectByKey(key ?? '');
  const [params] = useSearchParams();
  const views = useSavedViews();
  const viewId = params.get('view');

  if (projects.isPending || (viewId && views.isPending)) return <Loading />;
  if (projects.isError) return <QueryError error={projects.error} retry={() => void projects.refetch()} what="the projects" />;
  if (key && !project) return <NotFoundPage what="project" />;
  const view = viewId ? views.data?.find((candidate) => candidate.id === viewId) : undefined;
  if (viewId && !view) return <NotFoundPage what="saved view" />;

  return <ItemList project={project} projects={projects.data} view={view} />;
}

type ItemListProps = { project?: Project; projects: Project[]; view?: SavedView };

function ItemList({ project, projects, view }: ItemListProps) {
  const { canEdit } = useSessionContext();
  const [params] = useSearchParams();
  const [location, navigate] = useLocation();
  const [saving, setSaving] = useState(false);
  const state = view ? listStateFromView(view) : readListState(params);

  // A saved view is a starting point: changing anything leaves it and shows the changed list.
  function change(next: Partial<ListState>) {
    const search = toSearchParams({ ...state, ...next }).toString();
    navigate(`${location}${search ? `?${search}` : ''}`, { replace: !view });
  }

  const title = view?.name ?? project?.name ?? (state.builtIn ? BUILT_IN_LABEL[state.builtIn] : 'All work');

  return (
    <>
      <PageHeader
        eyebrow={
          project ? (
            <span className="key-chip">{project.key}</span>
          ) : view ? (
            <span>{view.shared ? 'Shared view' : 'Your view'}</span>
          ) : undefined
        }
        title={title}
        actions={
          <>
            <ViewActions view={view} onSave={() => setSaving(true)} />
            {project && <ProjectTabs project={project} />}
          </>
        }
      />
      <BuiltInTabs current={state.builtIn} onChange={(builtIn) => change({ builtIn })} />
      <FilterBar state={state} onChange={change} project={project} />
      <ItemTable state={state} project={project} projects={projects} onSort={change} />
      {canEdit && (
        <SaveViewDialog open={saving} onClose={() => setSaving(false)} state={state} project={project} />
      )}
    </>
  );
}
