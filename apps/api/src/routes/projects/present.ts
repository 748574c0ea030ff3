// Projects and statuses as the API answers with them.
import type { ProjectView } from '@rytask/core';
import type { Project, Status } from '@rytask/contracts';
import type { StatusRow } from '@rytask/db';

export function presentStatus(status: StatusRow): Status {
  return { id: status.id, name: status.name, category: status.category, position: status.position };
}

export function presentProject({ project, statuses, openItems }: ProjectView): Project {
  return {
    id: project.id,
    key: project.key,
    name: project.name,
    description: project.description,
    archivedAt: project.archivedAt?.toISOString() ?? null,
    createdAt: project.createdAt.toISOString(),
    statuses: statuses.map(presentStatus),
    openItems,
  };
}
