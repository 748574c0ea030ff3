import type { ItemSummary, Project, Status } from '@rytask/contracts';
import {
  closestCorners,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useDndContext,
  useSensor,
  useSensors,
  type Active,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { arrayMove, sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useLocation } from 'wouter';
import { useSessionContext } from '../../../app/session-context';
import { useToday } from '../../items/api/reference-data';
import { useRunningItemId, useTimerActions } from '../../time/api/timer';
import { useMoveItem } from '../api/move';
import { useCardReach } from '../hooks/use-card-reach';
import { BoardColumn } from './board-column';

type Columns = Record<string, string[]>;
const EMPTY: string[] = [];

function groupByStatus(statuses: Status[], items: ItemSummary[]): Columns {
  const columns: Columns = Object.fromEntries(statuses.map((status) => [status.id, []]));
  const sorted = [...items].sort((a, b) => a.boardPosition - b.boardPosition || a.number - b.number);
  for (const item of sorted) {
    columns[item.statusId]?.push(item.id);
  }
  return columns;
}

type BoardProps = {
  project: Project;
  items: ItemSummary[];
  /** Which cards show (the filter bar's test, from `itemMatcher`); null shows every card. */
  matches?: ((item: ItemSummary) => boolean) | null;
  /** Which columns show, by status category (a saved view's status filter); undefined shows all. */
  categories?: ReadonlySet<string>;
};

/**
 * Columns are the project's statuses; cards move between and within them by pointer or keyboard
 * (Space picks a card up, arrows move it, Space drops, Escape cancels). While a card is being
 * dragged the board keeps its own arrangement; the server's takes over again once it is dropped.
 *
 * Filtered, the board keeps every card in `columns` (the full order) and only shows the matching
 * ones. Dragging works as usual: dnd-kit sees the shown cards, and the drop is worked out in the
 * full column — the card moves next to the card it was dropped on (after it going down, before it
 * going up) and its afterId/beforeId are its neighbours in the full order, hidden cards included.
 * So the hidden cards keep their places and the server gets a real gap, never two cards that are
 * only neighbours on screen. (Filters never depend on the status, so a moved card stays shown.)
 */
export function Board({ project, items, matches = null, categories }: BoardProps) {
  const { canEdit } = useSessionContext();
  const today = useToday();
  const statuses = useMemo(
    () => project.statuses.filter((status) => !categories || categories.has(status.category)).sort((a, b) => a.position - b.position),
    [project.statuses, categories],
  );
  const byId = useMemo(() => new Map(items.map((item) => [item.id, item])), [items]);
  const [columns, setColumns] = useState<Columns>(() => groupByStatus(statuses, items));
  // The shown part of each column, cached by the column's array: a drag that changes two columns
  // filters those two again, and the other columns keep their arrays (so they do not re-render).
  const shownCache = useMemo(() => new WeakMap<string[], string[]>(), [matches, byId]);
  const shown = (ids: string[]): string[] => {
    if (!matches) return ids;
    let visible = shownCache.get(ids);
    if (!visible) {
      visible = ids.filter((id) => {
        const item = byId.get(id);
        return item !== undefined && matches(item);
      });
      shownCache.set(ids, visible);
    }
    return visible;
  };
  const [activeId, setActiveId] = useState<string | null>(null);
  const origin = useRef<{ statusId: string; index: number } | null>(null);
  const move = useMoveItem(project.key);
  const activeRef = useRef<Active | null>(null);
  const [, navigate] = useLocation();
  const open = useCallback((key: string) => navigate(`/items/${key}`), [navigate]);
  // One timer query and one toggle for every card: a card re-renders only when its own timer
  // starts or stops.
  const runningItemId = useRunningItemId(canEdit);
  const { toggle: onTimer } = useTimerActions();

  // On mount the initial state is already this grouping: setting it again would render every column twice.
  const grouped = useRef(false);
  useEffect(() => {
    if (!grouped.current) {
      grouped.current = true;
      return;
    }
    if (!activeId) setColumns(groupByStatus(statuses, items));
  }, [statuses, items, activeId]);

  // Cards far down a column start as key and title; their details come in while the page is idle.
  const boardRef = useRef<HTMLDivElement>(null);
  const reach = useCardReach(boardRef, columns);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    // Enter opens a card, so only Space picks one up (and Space or Enter drops it).
    useSensor(KeyboardSensor, {
      coordinateGetter: sortableKeyboardCoordinates,
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
    }),
  );

  function containerOf(id: UniqueIdentifier): string | undefined {
    const text = String(id);
    if (text in columns) return text;
    return Object.keys(columns).find((statusId) => columns[statusId]!.includes(text));
  }

  function statusName(id: UniqueIdentifier | undefined): string {
    const statusId = id === undefined ? undefined : containerOf(id);
    return statuses.find((status) => status.id === statusId)?.name ?? 'the board';
  }

  function onDragStart({ active }: DragStartEvent) {
    const statusId = containerOf(active.id);
    if (!statusId) return;
    origin.current = { statusId, index: columns[statusId]!.indexOf(String(active.id)) };
    setActiveId(String(active.id));
  }

  // Crossing into another column: the card joins it at once, so the gap opens where it will land.
  function onDragOver({ active, over }: DragOverEvent) {
    if (!over) return;
    const from = containerOf(active.id);
    const to = containerOf(over.id);
    if (!from || !to || from === to) return;
    setColumns((current) => {
      const source = current[from]!.filter((id) => id !== active.id);
      const target = [...current[to]!];
      const overIndex = target.indexOf(String(over.id));
      target.splice(overIndex === -1 ? target.length : overIndex, 0, String(active.id));
      return { ...current, [from]: source, [to]: target };
    });
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    const start = origin.current;
    origin.current = null;
    const id = String(active.id);
    const statusId = over ? containerOf(over.id) : undefined;
    if (!over || !statusId || !start) {
      setActiveId(null);
      return;
    }
    let column = columns[statusId]!;
    const oldIndex = column.indexOf(id);
    const overIndex = column.indexOf(String(over.id));
    if (overIndex !== -1 && overIndex !== oldIndex) column = arrayMove(column, oldIndex, overIndex);
    const index = column.indexOf(id);
    const next = { ...columns, [statusId]: column };
    setColumns(next);
    setActiveId(null);

    if (statusId === start.statusId && index === start.index) return;
    const item = byId.get(id);
    if (!item) return;
    move.mutate({ item, statusId, afterId: column[index - 1] ?? null, beforeId: column[index + 1] ?? null });
  }

  function onDragCancel() {
    origin.current = null;
    setActiveId(null);
  }

  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${byId.get(String(active.id))?.key ?? 'card'} in ${statusName(active.id)}.`,
    onDragOver: ({ active, over }) =>
      over ? `${byId.get(String(active.id))?.key ?? 'Card'} is over ${statusName(over.id)}.` : 'Not over a column.',
    onDragEnd: ({ active, over }) =>
      over ? `Dropped ${byId.get(String(active.id))?.key ?? 'card'} in ${statusName(over.id)}.` : 'Dropped where it was.',
    onDragCancel: ({ active }) => `Cancelled. ${byId.get(String(active.id))?.key ?? 'The card'} went back to where it was.`,
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCorners}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={onDragCancel}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable:
            'Press Enter to open this item. To move it, press Space, use the arrow keys to choose a place, then press Space again to drop it, or Escape to cancel.',
        },
      }}
    >
      <TrackActive activeRef={activeRef} />
      <div className="board" ref={boardRef} data-testid="board" aria-label={`${project.name} board`} role="region">
        {statuses.map((status) => (
          <BoardColumn
            key={status.id}
            project={project}
            status={status}
            itemIds={shown(columns[status.id] ?? EMPTY)}
            total={matches ? (columns[status.id]?.length ?? 0) : undefined}
            items={byId}
            today={today}
            canEdit={canEdit}
            reach={reach}
            dragging={activeId !== null}
            activeRef={activeRef}
            onOpen={open}
            runningItemId={runningItemId}
            onTimer={onTimer}
          />
        ))}
      </div>
    </DndContext>
  );
}

/** Keeps `activeRef` on dnd-kit's dragged card: one small listener instead of one per card. */
function TrackActive({ activeRef }: { activeRef: RefObject<Active | null> }) {
  const { active } = useDndContext();
  useLayoutEffect(() => {
    activeRef.current = active;
  });
  return null;
}
