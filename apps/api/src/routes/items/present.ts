// Items and their history as the API answers with them. The description is rendered here, with
// `@handle` mentions of the organization's people linked.
import type { ItemDetailView, ItemSummaryView } from '@rytask/core';
import type { Activity, Item, ItemSummary, PersonRef } from '@rytask/contracts';
import type { ActivityRow } from '@rytask/db';
import { renderMarkdown } from '../../lib/markdown';
import { presentLabel } from '../labels/present';

const person = (id: string | null, name: string | null, handle: string | null): PersonRef | null =>
  id && name !== null ? { id, name, handle } : null;


export function presentItemSummary(item: ItemSummaryView): ItemSummary {
  return {
    id: item.id,
    projectId: item.projectId,
    key: `${item.projectKey}-${item.number}`,
    number: item.number,
    title: item.title,
    statusId: item.statusId,
    statusCategory: item.statusCategory,
    priority: item.priority,
    assignee: person(item.assigneeId, item.assigneeName, item.assigneeHandle),
    labels: item.labels.map(presentLabel),
    estimateMinutes: item.estimateMinutes,
    loggedSeconds: item.loggedSeconds,
    dueDate: item.dueDate,
    parentId: item.parentId,
    boardPosition: item.boardPosition,
    version: item.version,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
    deletedAt: item.deletedAt?.toISOString() ?? null,
  };
}

export function presentItem({ item, subtasks, watching, people }: ItemDetailView): Item {
  const mentionable = new Map(people.filter((p) => p.handle).map((p) => [p.handle!.toLowerCase(), { id: p.id, name: p.name }]));
  return {
    ...presentItemSummary(item),
    description: item.description,
    descriptionHtml: renderMarkdown(item.description, mentionable),
    source: item.source,
    createdBy: person(item.createdById, item.createdByName, item.createdByHandle),
    parent:
      item.parentId && item.parentNumber !== null && item.parentTitle !== null
        ? { id: item.parentId, key: `${item.projectKey}-${item.parentNumber}`, title: item.parentTitle }
        : null,
    subtasks: subtasks.map(presentItemSummary),
    watching,
  };
}

export function presentActivity(row: ActivityRow): Activity {
  return {
    id: row.id,
    actor: row.actor,
    field: row.field,
    oldValue: row.oldValue,
    newValue: row.newValue,
    createdAt: row.createdAt.toISOString(),
  };
}
