import type { TimeEntry } from '@rytask/contracts';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { formatClock } from '../../../lib/format';
import { useRunningTimer, useTimerActions } from '../api/timer';

/**
 * The running timer, on every page: which item (a link to it), how long so far, and Stop. It reads
 * GET /timer, so it is there again after a reload. The only ticking clock in the app lives here.
 */
export function HeaderTimer({ canEdit }: { canEdit: boolean }) {
  const timer = useRunningTimer(canEdit);
  const { stop } = useTimerActions();
  if (!canEdit || !timer.data) return null;
  const entry = timer.data;
  return (
    <div className="header-timer" role="group" aria-label="Running timer" data-testid="header-timer">
      <span className="header-timer__pulse" aria-hidden="true" />
      <Link href={`/items/${entry.item.key}`} className="header-timer__item" title={`${entry.item.key} ${entry.item.title}`}>
        <span className="header-timer__key">{entry.item.key}</span>
        <span className="header-timer__title">{entry.item.title}</span>
      </Link>
      <Elapsed entry={entry} since={timer.dataUpdatedAt} />
      <button
        type="button"
        className="header-timer__stop"
        onClick={() => stop.mutate({})}
        disabled={stop.isPending}
        aria-label={`Stop the timer on ${entry.item.key}`}
        title="Stop and log the time"
        data-testid="header-timer-stop"
      >
        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <rect x="4" y="4" width="8" height="8" rx="1.5" />
        </svg>
        <span>Stop</span>
      </button>
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
