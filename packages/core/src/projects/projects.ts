// Projects: list, read, create (with the default statuses), rename/describe/archive. The key is
// fixed at creation: items are numbered with it.
import {
  findProjectById,
  findProjectRow,
  insertProject,
  insertStatuses,
  listProjectRows,
  listStatusRows,
  updateProjectRow,
  type Database,
  type Executor,
  type ProjectRow,
  type StatusRow,
} from '@rytask/db';
import type { StatusCategory } from '@rytask/contracts';
import { AppError } from '../errors';
import { assertRole } from '../policies/roles';
import type { Caller } from '../session';

export interface ProjectView {
  project: ProjectRow;
  statuses: StatusRow[];
  openItems: number;
}

/** What a new project starts with (product.md: "a sensible default set"). */
export const DEFAULT_STATUSES: { name: string; category: StatusCategory }[] = [
  { name: 'Backlog', category: 'backlog' },
  { name: 'Todo', category: 'unstarted' },
  { name: 'In progress', category: 'started' },
  { name: 'In review', category: 'started' },
  { name: 'Done', category: 'completed' },
  { name: 'Cancelled', category: 'cancelled' },
];

export function projectNotFound(): AppError {
  return new AppError('not_found', 'No such project.');
}

export async function listProjects(db: Database, caller: Caller, options: { includeArchived: boolean }): Promise<ProjectView[]> {
  const rows = await listProjectRows(db, caller.organization.id, options);
  const statuses = await listStatusRows(db, rows.map((r) => r.project.id));
  return rows.map((row) => ({ ...row, statuses: statuses.filter((s) => s.projectId === row.project.id) }));
}

/** The project row; 404 for unknown ids and another organization's. Cheap: no counts. */
export async function requireProject(db: Executor, caller: Caller, projectId: string): Promise<ProjectRow> {
  const project = await findProjectById(db, caller.organization.id, projectId);
  if (!project) throw projectNotFound();
  return project;
}

/** The project with its statuses and open-item count; 404 for another organization's id. */
export async function getProject(db: Executor, caller: Caller, projectId: string): Promise<ProjectView> {
  const row = await findProjectRow(db, caller.organization.id, projectId);
  if (!row) throw projectNotFound();
  return { ...row, statuses: await listStatusRows(db, [projectId]) };
}

export async function createProject(
  db: Database,
  caller: Caller,
  input: { key: string; name: string; description?: string },
): Promise<ProjectView> {
  assertRole(caller, 'ADMIN');
  const project = await db.transaction(async (tx) => {
    const row = await insertProject(tx, {
      organizationId: caller.organization.id,
      key: input.key,
      name: input.name,
      description: input.description ?? '',
      createdBy: caller.user.id,
    });
    if (!row) throw new AppError('conflict', `Another project already uses the key ${input.key}. Choose another one.`, { field: 'key' });
    await insertStatuses(tx, row.id, DEFAULT_STATUSES);
    return row;
  });
  return getProject(db, caller, project.id);
}

export async function updateProject(
  db: Database,
  caller: Caller,
  projectId: string,
  input: { name?: string; description?: string; archived?: boolean },
): Promise<ProjectView> {
  // Found first, so another organization's id answers 404 whatever the caller's role.
  await requireProject(db, caller, projectId);
  assertRole(caller, 'ADMIN');
  await updateProjectRow(db, projectId, input);
  return getProject(db, caller, projectId);
}
