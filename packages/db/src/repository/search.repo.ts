// Full-text search over item titles, descriptions and comments ('simple' configuration: no
// stemming, no stop words, so every language is searched the same way).
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client';

export type SearchHit = {
  id: string;
  projectId: string;
  projectKey: string;
  number: number;
  title: string;
  statusId: string;
  statusCategory: 'backlog' | 'unstarted' | 'started' | 'completed' | 'cancelled';
  priority: 'urgent' | 'high' | 'medium' | 'low' | 'none';
  assignee: { id: string; name: string; handle: string | null } | null;
  labels: { id: string; name: string; color: string }[];
  estimateMinutes: number | null;
  /** Seconds of finished time entries on the item (the plan-vs-actual meter). */
  loggedSeconds: number;
  dueDate: string | null;
  parentId: string | null;
  boardPosition: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  /** Plain text: the words around a match, or the start of the description. */
  snippet: string;
};

/**
 * The text-search query for what someone typed.
 * - `websearch`: the syntax people know from search engines ("exact phrase", or, -without),
 *   parsed by PostgreSQL's websearch_to_tsquery, which accepts any input without error.
 * - `prefix`: every word must appear, the last one possibly unfinished (`log` finds `login`), so
 *   results follow the typing. The words are PostgreSQL's own (to_tsvector), each quoted as a
 *   lexeme, so no character of the input can act as a tsquery operator.
 * NULL when the text has no words at all (only punctuation).
 */
function tsquery(q: string, mode: 'websearch' | 'prefix'): SQL {
  if (mode === 'websearch') {
    return sql`(SELECT nullif(websearch_to_tsquery('simple', ${q})::text, '')::tsquery)`;
  }
  return sql`(
    SELECT string_agg(
      format('''%s''%s',
        replace(replace(lexeme, '\\', '\\\\'), '''', ''''''),
        CASE WHEN right(regexp_replace(lower(${q}), '[^[:alnum:]]+$', ''), length(lexeme)) = lexeme THEN ':*' ELSE '' END),
      ' & ')::tsquery
    FROM unnest(to_tsvector('simple', ${q})))`;
}

const SNIPPET_OPTIONS = 'StartSel="", StopSel="", MaxWords=24, MinWords=10, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "';

/** Open and closed items of the organization that match, best first; never items in the trash. */
export async function searchItems(
  db: Executor,
  organizationId: string,
  q: string,
  options: { mode: 'websearch' | 'prefix'; limit: number },
): Promise<SearchHit[]> {
  const result = await db.execute<Record<string, unknown>>(sql`
    WITH input AS (
      SELECT ${tsquery(q, options.mode)} AS query
    ), candidates AS (
      SELECT i.id FROM items i, input
      WHERE input.query IS NOT NULL AND i.organization_id = ${organizationId} AND i.search @@ input.query
      UNION
      SELECT c.item_id FROM comments c, input
      WHERE input.query IS NOT NULL AND c.organization_id = ${organizationId} AND c.search @@ input.query
    ), ranked AS (
      SELECT i.id, best_comment.body AS comment_body,
             ts_rank(i.search, input.query)
               + CASE WHEN to_tsvector('simple', i.title) @@ input.query THEN 1 ELSE 0 END
               + coalesce(best_comment.rank, 0) / 2 AS rank
      FROM candidates
      JOIN items i ON i.id = candidates.id
      CROSS JOIN input
      LEFT JOIN LATERAL (
        SELECT c.body, ts_rank(c.search, input.query) AS rank
        FROM comments c
        WHERE c.item_id = i.id AND c.search @@ input.query
        ORDER BY rank DESC, c.created_at DESC
        LIMIT 1
      ) best_comment ON true
      WHERE i.organization_id = ${organizationId} AND i.deleted_at IS NULL
      ORDER BY rank DESC, i.updated_at DESC, i.id
      LIMIT ${options.limit}
    )
    SELECT i.id, i.project_id, p.key AS project_key, i.number, i.title, i.status_id, s.category AS status_category,
           i.priority, a.id AS assignee_id, a.name AS assignee_name, a.handle AS assignee_handle,
           coalesce((SELECT json_agg(json_build_object('id', l.id, 'name', l.name, 'color', l.color) ORDER BY lower(l.name), l.id)
                     FROM item_labels il JOIN labels l ON l.id = il.label_id WHERE il.item_id = i.id), '[]'::json) AS labels,
           i.estimate_minutes,
           (SELECT coalesce(sum(extract(epoch FROM te.ended_at - te.started_at)), 0)::int
              FROM time_entries te WHERE te.item_id = i.id AND te.ended_at IS NOT NULL) AS logged_seconds,
           to_char(i.due_date, 'YYYY-MM-DD') AS due_date, i.parent_id, i.board_position, i.version,
           i.created_at, i.updated_at, i.deleted_at,
           ts_headline('simple',
             CASE
               WHEN to_tsvector('simple', i.description) @@ input.query THEN i.description
               WHEN ranked.comment_body IS NOT NULL THEN ranked.comment_body
               ELSE i.description
             END,
             input.query, ${SNIPPET_OPTIONS}) AS snippet
    FROM ranked
    CROSS JOIN input
    JOIN items i ON i.id = ranked.id
    JOIN projects p ON p.id = i.project_id
    JOIN statuses s ON s.id = i.status_id
    LEFT JOIN users a ON a.id = i.assignee_id
    ORDER BY ranked.rank DESC, i.updated_at DESC, i.id`);
  return result.rows.map((row) => ({
    id: row.id as string,
    projectId: row.project_id as string,
    projectKey: row.project_key as string,
    number: row.number as number,
    title: row.title as string,
    statusId: row.status_id as string,
    statusCategory: row.status_category as SearchHit['statusCategory'],
    priority: row.priority as SearchHit['priority'],
    assignee: row.assignee_id
      ? { id: row.assignee_id as string, name: row.assignee_name as string, handle: (row.assignee_handle as string | null) ?? null }
      : null,
    labels: row.labels as SearchHit['labels'],
    estimateMinutes: (row.estimate_minutes as number | null) ?? null,
    loggedSeconds: Number(row.logged_seconds ?? 0),
    dueDate: (row.due_date as string | null) ?? null,
    parentId: (row.parent_id as string | null) ?? null,
    boardPosition: Number(row.board_position),
    version: row.version as number,
    createdAt: new Date(row.created_at as string),
    updatedAt: new Date(row.updated_at as string),
    deletedAt: row.deleted_at ? new Date(row.deleted_at as string) : null,
    snippet: row.snippet as string,
  }));
}

/** The item with this key (project key + number) in the organization, if it exists and is not in the trash. */
export async function findItemByKey(db: Executor, organizationId: string, projectKey: string, number: number): Promise<{ id: string; key: string } | undefined> {
  const result = await db.execute<{ id: string; key: string }>(sql`
    SELECT i.id, p.key || '-' || i.number AS key
    FROM items i JOIN projects p ON p.id = i.project_id
    WHERE i.organization_id = ${organizationId} AND p.key = ${projectKey} AND i.number = ${number} AND i.deleted_at IS NULL`);
  return result.rows[0];
}
