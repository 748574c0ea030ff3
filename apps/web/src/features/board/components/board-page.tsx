import type { Project } from '@rytask/contracts';
import { useParams } from 'wouter';
import { Loading } from '../../../components/loading';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { NotFoundPage } from '../../../app/not-found-page';
import { useBoardItems } from '../../items/api/items';
import { useProjectByKey } from '../../projects/api/projects';
import { ProjectTabs } from '../../projects/components/project-tabs';
import { Board } from './board';

export function BoardPage() {
  const { key = '' } = useParams<{ key: string }>();
  const { project, isPending, isError, error, refetch } = useProjectByKey(key);

  if (isPending) return <Loading label="Loading the board…" />;
  if (isError) return <QueryError error={error} retry={() => void refetch()} what="the project" />;
  if (!project) return <NotFoundPage what="project" />;
  return <ProjectBoard project={project} />;
}

function ProjectBoard({ project }: { project: Project }) {
  const items = useBoardItems(project.key);
  return (
    <>
      <PageHeader
        eyebrow={<span className="key-chip">{project.key}</span>}
        title={project.name}
        actions={<ProjectTabs project={project} />}
      />
      {items.isPending ? (
        <Loading label="Loading items…" />
      ) : items.isError ? (
        <QueryError error={items.error} retry={() => void items.refetch()} what="the items" />
      ) : (
        <Board project={project} items={items.data} />
      )}
    </>
  );
}
