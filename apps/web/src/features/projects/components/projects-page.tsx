import type { Project } from '@rytask/contracts';
import { useState } from 'react';
import { Link } from 'wouter';
import { Button } from '../../../components/button';
import { EmptyState } from '../../../components/empty-state';
import { Icon } from '../../../components/icon';
import { Loading } from '../../../components/loading';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { useSessionContext } from '../../../app/session-context';
import { useProjects } from '../api/projects';
import { CreateProjectDialog } from './create-project-dialog';

/** The home page: the organization's projects, and creating one. */
export function ProjectsPage() {
  const { canManage } = useSessionContext();
  const projects = useProjects();
  const [creating, setCreating] = useState(false);

  const newButton = canManage && (
    <Button variant="primary" onClick={() => setCreating(true)} data-testid="new-project">
      <Icon name="plus" />
      New project
    </Button>
  );

  const active = projects.data?.filter((project) => !project.archivedAt) ?? [];
  const archived = projects.data?.filter((project) => project.archivedAt) ?? [];

  return (
    <>
      <PageHeader title="Projects" actions={active.length > 0 && newButton} />
      {projects.isPending ? (
        <Loading label="Loading projects…" />
      ) : projects.isError ? (
        <QueryError error={projects.error} retry={() => void projects.refetch()} what="the projects" />
      ) : active.length === 0 ? (
        <EmptyState title="No projects yet" testId="projects-empty" action={newButton}>
          <p>
            Projects hold your team&rsquo;s work items, their statuses and the time spent on them.{' '}
            {canManage
              ? 'Create the first one to start adding work.'
              : 'An owner or admin creates them; ask one to set up the first project.'}
          </p>
        </EmptyState>
      ) : (
        <ul className="project-grid" aria-label="Projects" data-testid="project-list">
          {active.map((project) => (
            <ProjectCard key={project.id} project={project} />
          ))}
        </ul>
      )}
      {archived.length > 0 && (
        <details className="archived">
          <summary>Archived projects ({archived.length})</summary>
          <ul className="project-grid">
            {archived.map((project) => (
              <ProjectCard key={project.id} project={project} />
            ))}
          </ul>
        </details>
      )}
      <CreateProjectDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function ProjectCard({ project }: { project: Project }) {
  return (
    <li className="project-card card">
      <div className="project-card__top">
        <span className="key-chip">{project.key}</span>
        <Link href={`/projects/${project.key}`} className="project-card__name stretched-link">
          {project.name}
        </Link>
      </div>
      {project.description && <p className="project-card__description">{project.description}</p>}
      <div className="project-card__meta">
        <span>
          {project.openItems} open item{project.openItems === 1 ? '' : 's'}
        </span>
        <Link href={`/projects/${project.key}/list`} className="project-card__secondary">
          List
        </Link>
      </div>
    </li>
  );
}
