import type { Project, SavedView } from '@rytask/contracts';

/** Where a saved view opens: its project's list (or board), or the all-projects list. */
export function viewHref(view: SavedView, projects: Project[] | undefined): string {
  const project = view.projectId ? projects?.find((candidate) => candidate.id === view.projectId) : undefined;
  const base = project ? `/projects/${project.key}` : '';
  if (project && view.query.layout === 'board') return `${base}?view=${view.id}`;
  return `${base || ''}/list?view=${view.id}`;
}
