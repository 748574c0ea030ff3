import type { TimeClass, TimeEntry } from '@rytask/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'wouter';
import { ApiError } from '../../../lib/api-client';
import { formatClock } from '../../../lib/format';
import { useDismiss } from '../../../lib/use-dismiss';
import { useItem } from '../../items/api/items';
import { useRunningTimer, useTimerActions } from '../api/timer';

type StopInput = { classification?: TimeClass; note?: string };

/**
 * The running timer, on every page: which item (a link to it), how long so far, and Stop. It reads
 * GET /timer, so it is there again after a reload. The only ticking clock in the app lives here.
 * Stop is one click with the class from the item's priority (the server decides, as it stops); the
 * small button beside it opens a choice of class and a note.
 */
export function HeaderTimer({ canEdit }: { canEdit: boolean }) {
  const timer = useRunningTimer(canEdit);
  const { stop } = useTimerActions();
  // Held here, not in the menu: Stop hides the header at once, and if the server refuses, the timer
  // comes back with the menu and the note as they were. Tied to the entry, so a new timer starts with
  // its own note (the one given when it started, if any).
  const [menu, setMenu] = useState<{ entryId: string; open: boolean; note: string } | null>(null);
  if (!canEdit || !timer.data) return null;
  const entry = timer.data;
  const state = menu?.entryId === entry.id ? menu : { entryId: entry.id, open: false, note: entry.note };

  function send(input: StopInput) {
    stop.mutate(input, {
      onSuccess: () => setMenu(null),
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'no_running_timer') setMenu(null);
      },
    });
  }

  return (
    <div className="header-timer" role="group" aria-label="Running timer" data-testid="header-timer">
      <span className="header-timer__pulse" aria-hidden="true" />
      <Link href={`/items/${entry.item.key}`} className="header-timer__item" title={`${entry.item.key} ${entry.item.title}${entry.note ? ` — ${entry.note}` : ''}`}>
        <span className="header-timer__key">{entry.item.key}</span>
        <span className="header-timer__title">{entry.item.title}</span>
      </Link>
      <Elapsed entry={entry} since={timer.dataUpdatedAt} />
      <div className="header-timer__actions">
        <button
          type="button"
          className="header-timer__stop"
          onClick={() => send({})}
          disabled={stop.isPending}
          aria-label={`Stop the timer on ${entry.item.key}`}
          title="Stop and log the time (class from the item’s priority)"
          data-testid="header-timer-stop"
        >
          <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <rect x="4" y="4" width="8" height="8" rx="1.5" />
          </svg>
          <span>Stop</span>
        </button>
        <StopMenu
          entry={entry}
          open={state.open}
          note={state.note}
          pending={stop.isPending}
          onOpenChange={(open) => setMenu({ ...state, open })}
          onNoteChange={(note) => setMenu({ ...state, note })}
          onStop={(classification) =>
            send({ ...(classification ? { classification } : {}), ...(state.note.trim() !== entry.note ? { note: state.note.trim() } : {}) })
          }
        />
      </div>
    </div>
  );
}

type StopMenuProps = {
  entry: TimeEntry;
  open: boolean;
  note: string;
  pending: boolean;
  onOpenChange: (open: boolean) => void;
  onNoteChange: (note: string) => void;
  /** No class: the server takes it from the item's priority. */
  onStop: (classification?: TimeClass) => void;
};

/**
 * Stop with a chosen class and a note. A disclosure (like the account menu), not an ARIA menu: it
 * holds a text field and a few buttons, Tab reaches them, Escape or a click elsewhere closes it.
 */
function StopMenu({ entry, open, note, pending, onOpenChange, onNoteChange, onStop }: StopMenuProps) {
  const panelId = useId();
  const noteId = useId();
  const titleId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const noteRef = useRef<HTMLInputElement>(null);
  // GET /timer names the item but not its priority: the item says which class is the default. If
  // the item cannot be read, a third button leaves the class to the server.
  const item = useItem(entry.item.key, { enabled: open });
  const preset: TimeClass | undefined = item.data ? (item.data.priority === 'urgent' ? 'interruption' : 'planned') : undefined;

  useDismiss(open, () => onOpenChange(false), rootRef, buttonRef);
  useEffect(() => {
    if (open) noteRef.current?.focus();
  }, [open]);

  const option = (classification: TimeClass, label: string) => (
    <button
      type="button"
      className={`header-timer__option header-timer__option--${classification}`}
      onClick={() => onStop(classification)}
      disabled={pending}
      data-testid={`header-timer-stop-${classification}`}
    >
      <span className="header-timer__swatch" aria-hidden="true" />
      {label}
      {preset === classification && <span className="header-timer__default">default</span>}
    </button>
  );

  return (
    <div className="header-timer__menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="header-timer__more"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`Stop options for ${entry.item.key}: class and note`}
        title="Stop as planned or interruption, with a note"
        onClick={() => onOpenChange(!open)}
        data-testid="header-timer-more"
      >
        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M4 6l4 4 4-4" />
        </svg>
      </button>
      <div className="header-timer__panel card" id={panelId} role="group" aria-labelledby={titleId} hidden={!open} data-testid="header-timer-menu">
        <p className="header-timer__panel-title" id={titleId}>
          Stop the timer on {entry.item.key}
        </p>
        <label className="header-timer__note-label" htmlFor={noteId}>
          Note <span className="muted">(optional)</span>
        </label>
        <input
          ref={noteRef}
          id={noteId}
          className="select header-timer__note"
          value={note}
          maxLength={2000}
          onChange={(event) => onNoteChange(event.target.value)}
          placeholder="What was it for?"
          data-testid="header-timer-note"
        />
        <div className="header-timer__options">
          {option('planned', 'Stop as planned')}
          {option('interruption', 'Stop as interruption')}
          {item.isError && (
            <button type="button" className="header-timer__option" onClick={() => onStop()} disabled={pending} data-testid="header-timer-stop-default">
              Stop (class from the item’s priority)
            </button>
          )}
        </div>
      </div>
    </div>
  );
}

/**
 * Counts from the server's `seconds` at the moment it answered, so a computer clock that is off
 * does not show a wrong time. Re-renders only itself, once a second.
 */
function Elapsed({ entry, since }: { entry: TimeEntry; since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const interval = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(interval);
  }, []);
  const seconds = entry.seconds + Math.max(0, (now - since) / 1000);
  return (
    // role=timer is not read out as it changes (every second would drown everything else).
    <span className="header-timer__clock" data-testid="header-timer-clock" role="timer" aria-label={`Running for ${formatClock(seconds)}`}>
      {formatClock(seconds)}
    </span>
  );
}
