import type { Item, Project } from '@rytask/contracts';
import { Link, useParams } from 'wouter';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { Loading } from '../../../components/loading';
import { QueryError } from '../../../components/query-error';
import { NotFoundPage } from '../../../app/not-found-page';
import { useSessionContext } from '../../../app/session-context';
import { ApiError } from '../../../lib/api-client';
import { useProjects } from '../../projects/api/projects';
import { useItem } from '../api/items';
import { useItemSave } from '../use-item-save';
import { ItemTimeSection } from '../../time/components/item-time-section';
import { ActivityTimeline } from './activity-timeline';
import { CommentThread } from './comment-thread';
import { ItemDescription } from './item-description';
import { ItemProperties } from './item-properties';
import { ItemTitle } from './item-title';
import { Subtasks } from './subtasks';
import { TrashBar } from './trash-bar';

export function ItemPage() {
  const { key = '' } = useParams<{ key: string }>();
  const item = useItem(key);
  const projects = useProjects();

  if (item.isPending || projects.isPending) return <Loading label={`Loading ${key.toUpperCase()}…`} />;
  if (item.isError) {
    if (item.error instanceof ApiError && item.error.status === 404) return <NotFoundPage what="item" />;
    return <QueryError error={item.error} retry={() => void item.refetch()} what={key.toUpperCase()} />;
  }
  const project = projects.data?.find((candidate) => candidate.id === item.data.projectId);
  if (!project) return <NotFoundPage what="item" />;
  return <ItemView item={item.data} project={project} />;
}

function ItemView({ item, project }: { item: Item; project: Project }) {
  const { canEdit } = useSessionContext();
  const editable = canEdit && !item.deletedAt;
  const saver = useItemSave(item);

  return (
    <article className="item-page" aria-labelledby="item-title" data-testid="item-page">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href={`/projects/${project.key}`}>{project.name}</Link>
        {item.parent && (
          <>
            <span aria-hidden="true">/</span>
            <Link href={`/items/${item.parent.key}`}>
              {item.parent.key} {item.parent.title}
            </Link>
          </>
        )}
        <span aria-hidden="true">/</span>
        <span className="breadcrumbs__current" aria-current="page" data-testid="item-key">
          {item.key}
        </span>
      </nav>

      {item.deletedAt && <TrashBar item={item} />}
      {saver.problem?.kind === 'conflict' && (
        <Alert testId="item-conflict">
          <div className="alert__row">
            <span>
              Someone else changed this item while you were editing, so your change was not saved. Reload to see
              their version, then make your change again.
            </span>
            <Button variant="primary" size="small" onClick={() => void saver.reload()}>
              Reload
            </Button>
          </div>
        </Alert>
      )}
      {saver.problem?.kind === 'error' && (
        <Alert>
          <div className="alert__row">
            <span>Your change was not saved. {saver.problem.message}</span>
            <Button variant="quiet" size="small" onClick={saver.dismiss}>
              Dismiss
            </Button>
          </div>
        </Alert>
      )}

      <div className="item-page__layout">
        <div className="item-page__main">
          <ItemTitle item={item} editable={editable} save={saver.save} />
          <ItemDescription item={item} editable={editable} save={saver.save} />
          <Subtasks item={item} project={project} editable={editable} />
          <ItemTimeSection item={item} editable={editable} />
          <CommentThread item={item} />
          <ActivityTimeline item={item} project={project} />
        </div>
        <ItemProperties item={item} project={project} editable={editable} save={saver.save} />
      </div>
    </article>
  );
}
