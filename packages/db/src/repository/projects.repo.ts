// Projects and their statuses. Every read is scoped by organization: another organization's id
// finds nothing, which callers turn into 404.
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '../client';
import { items, projects, statuses } from '../schema';
import { preparedOn } from './prepared';
import { isUniqueViolation } from './work-shared';

export type ProjectRow = typeof projects.$inferSelect;
export type StatusRow = typeof statuses.$inferSelect;
export type StatusCategoryValue = StatusRow['category'];

/** Open items: not completed, not cancelled, not in the trash. */
const openItems = sql<number>`(
  SELECT count(*)::int FROM ${items} i JOIN ${statuses} s ON s.id = i.status_id
   WHERE i.project_id = projects.id AND i.deleted_at IS NULL AND s.category NOT IN ('completed', 'cancelled')
)`.mapWith(Number);

export async function listProjectRows(db: Executor, organizationId: string, options: { includeArchived: boolean }) {
  const where: SQL[] = [eq(projects.organizationId, organizationId)];
  if (!options.includeArchived) where.push(isNull(projects.archivedAt));
  return db
    .select({ project: projects, openItems })
    .from(projects)
    .where(and(...where))
    .orderBy(asc(sql`lower(${projects.name})`), asc(projects.key));
}

export async function findProjectRow(db: Executor, organizationId: string, projectId: string) {
  const [row] = await db
    .select({ project: projects, openItems })
    .from(projects)
    .where(and(eq(projects.organizationId, organizationId), eq(projects.id, projectId)));
  return row;
}

/** The project row alone (no counts): for existence and role checks on every write. */
export async function findProjectById(db: Executor, organizationId: string, projectId: string): Promise<ProjectRow | undefined> {
  // Every create reads it: prepared once per database handle (prepared.ts).
  const statement = preparedOn(db, 'rytask_project_by_id', (root) =>
    projectByIdQuery(root, sql.placeholder('organizationId') as unknown as string, sql.placeholder('projectId') as unknown as string).prepare(
      'rytask_project_by_id',
    ),
  );
  const [row] = statement ? await statement.execute({ organizationId, projectId }) : await projectByIdQuery(db, organizationId, projectId);
  return row;
}

function projectByIdQuery(db: Executor, organizationId: string, projectId: string) {
  return db
    .select()
    .from(projects)
    .where(and(eq(projects.organizationId, organizationId), eq(projects.id, projectId)));
}

export async function findProjectByKey(db: Executor, organizationId: string, key: string): Promise<ProjectRow | undefined> {
  const [row] = await db
    .select()
    .from(projects)
    .where(and(eq(projects.organizationId, organizationId), eq(projects.key, key)));
  return row;
}

/** Locks the project row until the transaction ends: serializes numbering, status deletion, re-parenting. */
export async function lockProject(db: Executor, projectId: string): Promise<void> {
  await db.execute(sql`SELECT 1 FROM ${projects} WHERE ${projects.id} = ${projectId} FOR UPDATE`);
}

/** Inserts a project; undefined when the key is already used in the organization. */
export async function insertProject(
  db: Executor,
  values: { organizationId: string; key: string; name: string; description: string; createdBy: string },
): Promise<ProjectRow | undefined> {
  const [row] = await db
    .insert(projects)
    .values(values)
    .onConflictDoNothing({ target: [projects.organizationId, projects.key] })
    .returning();
  return row;
}

export async function updateProjectRow(
  db: Executor,
  projectId: string,
  patch: { name?: string; description?: string; archived?: boolean },
): Promise<void> {
  await db
    .update(projects)
    .set({
      name: patch.name,
      description: patch.description,
      // Archiving twice keeps the first time.
      archivedAt: patch.archived === undefined ? undefined : patch.archived ? sql`coalesce(${projects.archivedAt}, now())` : null,
      updatedAt: sql`now()`,
    })
    .where(eq(projects.id, projectId));
}

/**
 * An item number for a create, taken in one statement that is its own transaction and commits
 * before the item is written: the project row is locked for this one statement, not for the
 * create's whole transaction, so creates in a project do not wait for each other. A number whose
 * create then fails stays taken (a gap; numbers are never reused).
 *
 * Like a sequence, this commit does not wait for its WAL to reach disk: `set_config(...,
 * is_local => true)` in the statement is `SET LOCAL synchronous_commit = off` for its implicit
 * transaction only (the pooled connection is back to `on` right after). Why "never reused" holds:
 * - a crash can lose only this counter update, never leave a later state half-written, and WAL is
 *   flushed in order, so after a crash the counter is back at some earlier committed value;
 * - the create's own item commit is synchronous, and flushing its commit record flushes all WAL
 *   before it, this counter update included (it committed before the item's transaction began);
 * - so every number used by a committed, durable item has its counter update durable too, and a
 *   counter value a crash lost was handed only to creates that never committed (no item has it).
 * The item's uniqueness (items_project_number_key) backs this up: a reuse could never be stored.
 * Runs on the pool only, never inside a caller's transaction (where `SET LOCAL` would make the
 * caller's whole commit asynchronous): it throws there.
 */
export async function allocateItemNumber(db: Database, projectId: string): Promise<number> {
  const statement = preparedOn(db, 'rytask_allocate_item_number', (root) =>
    root
      .update(projects)
      .set({ nextItemNumber: sql`${projects.nextItemNumber} + 1` })
      .where(eq(projects.id, sql.placeholder('projectId')))
      .returning({
        number: sql<number>`${projects.nextItemNumber} - 1`,
        asynchronousCommit: sql<string>`set_config('synchronous_commit', 'off', true)`,
      })
      .prepare('rytask_allocate_item_number'),
  );
  if (!statement) throw new Error('allocateItemNumber runs in a transaction of its own, not inside another');
  const [row] = await statement.execute({ projectId });
  if (!row) throw new Error(`project ${projectId} vanished while numbering an item`);
  return Number(row.number);
}

// ── Statuses ────────────────────────────────────────────────────────────────────────────────────

export async function listStatusRows(db: Executor, projectIds: string[]): Promise<StatusRow[]> {
  if (projectIds.length === 0) return [];
  return db
    .select()
    .from(statuses)
    .where(inArray(statuses.projectId, projectIds))
    .orderBy(asc(statuses.projectId), asc(statuses.position), asc(statuses.createdAt));
}

/** One project's statuses in their order (what listStatusRows gives for one project), prepared: every create reads them. */
export async function listProjectStatusRows(db: Executor, projectId: string): Promise<StatusRow[]> {
  const statement = preparedOn(db, 'rytask_project_statuses', (root) =>
    projectStatusesQuery(root, sql.placeholder('projectId') as unknown as string).prepare('rytask_project_statuses'),
  );
  return statement ? statement.execute({ projectId }) : projectStatusesQuery(db, projectId);
}

function projectStatusesQuery(db: Executor, projectId: string) {
  return db.select().from(statuses).where(eq(statuses.projectId, projectId)).orderBy(asc(statuses.position), asc(statuses.createdAt));
}

/** A status with its project's organization check applied. */
export async function findStatusRow(db: Executor, organizationId: string, statusId: string): Promise<StatusRow | undefined> {
  const [row] = await db
    .select({ status: statuses })
    .from(statuses)
    .innerJoin(projects, eq(projects.id, statuses.projectId))
    .where(and(eq(statuses.id, statusId), eq(projects.organizationId, organizationId)));
  return row?.status;
}

/** Inserts statuses at the end of the project's order; undefined when a name is taken. */
export async function insertStatuses(
  db: Executor,
  projectId: string,
  values: { name: string; category: StatusCategoryValue }[],
): Promise<StatusRow[] | undefined> {
  const [{ next }] = (await db
    .select({ next: sql<number>`coalesce(max(${statuses.position}) + 1, 0)`.mapWith(Number) })
    .from(statuses)
    .where(eq(statuses.projectId, projectId))) as [{ next: number }];
  const rows = await db
    .insert(statuses)
    .values(values.map((v, i) => ({ projectId, name: v.name, category: v.category, position: next + i })))
    .onConflictDoNothing()
    .returning();
  return rows.length === values.length ? rows : undefined;
}

/** Renames or recategorizes a status; 'taken' when another status of the project has the name. */
export async function updateStatusRow(
  db: Executor,
  statusId: string,
  patch: { name?: string; category?: StatusCategoryValue },
): Promise<StatusRow | 'taken'> {
  try {
    const [row] = await db.update(statuses).set(patch).where(eq(statuses.id, statusId)).returning();
    return row!;
  } catch (error) {
    if (isUniqueViolation(error, 'statuses_project_name_key')) return 'taken';
    throw error;
  }
}

/** Positions 0..n-1 in the given order. */
export async function setStatusOrder(db: Executor, projectId: string, statusIds: string[]): Promise<void> {
  await db.execute(sql`
    UPDATE ${statuses} SET position = o.ord - 1
      FROM unnest(${sql.param(statusIds)}::uuid[]) WITH ORDINALITY AS o(id, ord)
     WHERE ${statuses.id} = o.id AND ${statuses.projectId} = ${projectId}`);
}

/**
 * Moves every item of a status (trash included) to the end of another status's column, keeping
 * their order, bumping their versions and writing one activity row per item. Returns how many moved.
 */
export async function moveAllItemsToStatus(
  db: Executor,
  move: { organizationId: string; actorId: string; from: { id: string; name: string }; to: { id: string; name: string } },
): Promise<number> {
  const result = await db.execute(sql`
    WITH base AS (
      SELECT coalesce(max(board_position), 0) AS top FROM ${items} WHERE status_id = ${move.to.id}
    ), moved AS (
      UPDATE ${items} i
         SET status_id = ${move.to.id}, version = i.version + 1, updated_at = now(),
             board_position = base.top + r.rn
        FROM base, (SELECT id, row_number() OVER (ORDER BY board_position, id) AS rn
                      FROM ${items} WHERE status_id = ${move.from.id}) r
       WHERE i.id = r.id
      RETURNING i.id
    )
    INSERT INTO item_activity (organization_id, item_id, actor_id, field, old_value, new_value)
    SELECT ${move.organizationId}, moved.id, ${move.actorId}, 'status',
           ${JSON.stringify(move.from)}::jsonb, ${JSON.stringify(move.to)}::jsonb
      FROM moved`);
  return result.rowCount ?? 0;
}

export async function deleteStatusRow(db: Executor, statusId: string): Promise<void> {
  await db.delete(statuses).where(eq(statuses.id, statusId));
}
