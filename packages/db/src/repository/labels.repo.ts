// Labels: per organization, names unique case-insensitively.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { itemLabels, labels } from '../schema';
import { isUniqueViolation } from './work-shared';

export type LabelRow = typeof labels.$inferSelect;

export async function listLabelRows(db: Executor, organizationId: string): Promise<LabelRow[]> {
  return db.select().from(labels).where(eq(labels.organizationId, organizationId)).orderBy(asc(sql`lower(${labels.name})`));
}

export async function findLabelRow(db: Executor, organizationId: string, labelId: string): Promise<LabelRow | undefined> {
  const [row] = await db.select().from(labels).where(and(eq(labels.organizationId, organizationId), eq(labels.id, labelId)));
  return row;
}

export async function findLabelRowsByIds(db: Executor, organizationId: string, ids: string[]): Promise<LabelRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(labels).where(and(eq(labels.organizationId, organizationId), inArray(labels.id, ids)));
}

/** Inserts a label; undefined when the name is taken (any case). */
export async function insertLabel(
  db: Executor,
  values: { organizationId: string; name: string; color?: string },
): Promise<LabelRow | undefined> {
  const [row] = await db.insert(labels).values(values).onConflictDoNothing().returning();
  return row;
}

/**
 * The labels with these names (case-insensitive), creating the missing ones in gray. Safe against
 * a concurrent create of the same name: the insert skips it and the second select finds it. The
 * usual case — every label exists — is one read and no write.
 */
export async function findOrCreateLabelsByName(db: Executor, organizationId: string, names: string[]): Promise<LabelRow[]> {
  if (names.length === 0) return [];
  const byName = () =>
    db
      .select()
      .from(labels)
      .where(and(eq(labels.organizationId, organizationId), inArray(sql`lower(${labels.name})`, names.map((n) => n.toLowerCase()))));
  const found = await byName();
  const missing = names.filter((name) => !found.some((label) => label.name.toLowerCase() === name.toLowerCase()));
  if (missing.length === 0) return found;
  await db
    .insert(labels)
    .values(missing.map((name) => ({ organizationId, name })))
    .onConflictDoNothing();
  return byName();
}

export async function updateLabelRow(
  db: Executor,
  labelId: string,
  patch: { name?: string; color?: string },
): Promise<LabelRow | 'taken'> {
  try {
    const [row] = await db.update(labels).set(patch).where(eq(labels.id, labelId)).returning();
    return row!;
  } catch (error) {
    if (isUniqueViolation(error, 'labels_organization_name_key')) return 'taken';
    throw error;
  }
}

/**
 * Deletes a label. Every item that carried it gets a 'labels' activity row (old and new names),
 * since removing the label changes those items' labels.
 */
export async function deleteLabelRow(db: Executor, label: LabelRow, actorId: string): Promise<void> {
  await db.execute(sql`
    INSERT INTO item_activity (organization_id, item_id, actor_id, field, old_value, new_value)
    SELECT ${label.organizationId}, il.item_id, ${actorId}, 'labels',
           to_jsonb(array_agg(l.name ORDER BY lower(l.name) COLLATE "C")),
           to_jsonb(coalesce(array_agg(l.name ORDER BY lower(l.name) COLLATE "C") FILTER (WHERE l.id <> ${label.id}), '{}'))
      FROM ${itemLabels} il JOIN ${labels} l ON l.id = il.label_id
     WHERE il.item_id IN (SELECT item_id FROM ${itemLabels} WHERE label_id = ${label.id})
     GROUP BY il.item_id`);
  await db.delete(labels).where(eq(labels.id, label.id));
}
