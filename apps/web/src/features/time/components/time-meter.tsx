import type { CSSProperties } from 'react';
import { formatSeconds } from '../../../lib/format';

type Props = {
  loggedSeconds: number;
  estimateMinutes: number | null;
  /** Cards and rows hide an empty meter; the item page always shows one. */
  showEmpty?: boolean;
  size?: 'small' | 'large';
};

/** "2h 10m logged of 3h estimate", "4h logged of 3h estimate, 1h over", "1h 20m logged, no estimate". */
export function meterLabel(loggedSeconds: number, estimateMinutes: number | null): string {
  const logged = loggedSeconds > 0 ? formatSeconds(loggedSeconds) : 'Nothing';
  if (!estimateMinutes) return `${logged} logged, no estimate`;
  const estimate = formatSeconds(estimateMinutes * 60);
  const over = loggedSeconds - estimateMinutes * 60;
  return `${logged} logged of ${estimate} estimate${over > 0 ? `, ${formatSeconds(over)} over` : ''}`;
}

/**
 * The plan-vs-actual meter: logged time filling toward the estimate, red once past it. Without an
 * estimate there is nothing to be over, so it is just the logged time. One element, no hooks, no
 * timers (the bar and the clock are drawn by CSS): a 500-card board draws 500 of these.
 */
export function TimeMeter({ loggedSeconds, estimateMinutes, showEmpty = false, size = 'small' }: Props) {
  if (!estimateMinutes && loggedSeconds <= 0 && !showEmpty) return null;
  const label = meterLabel(loggedSeconds, estimateMinutes);
  // role="meter" and role="img" present their content as a whole: the label is what is read.
  if (!estimateMinutes) {
    return (
      <span className={`time-meter time-meter--${size} time-meter--plain`} role="img" aria-label={label} title={label} data-testid="time-meter">
        {loggedSeconds > 0 ? formatSeconds(loggedSeconds) : 'No time logged'}
      </span>
    );
  }
  const estimateSeconds = estimateMinutes * 60;
  const over = loggedSeconds > estimateSeconds;
  const fill = Math.min(100, Math.round((loggedSeconds / estimateSeconds) * 1000) / 10);
  return (
    <span
      className={`time-meter time-meter--${size}${over ? ' time-meter--over' : ''}`}
      style={{ '--meter-fill': `${fill}%` } as CSSProperties}
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={estimateSeconds}
      aria-valuenow={Math.min(loggedSeconds, estimateSeconds)}
      aria-valuetext={label}
      title={label}
      data-testid="time-meter"
      data-over={over || undefined}
    >
      {loggedSeconds > 0 ? `${formatSeconds(loggedSeconds)} / ` : ''}
      {formatSeconds(estimateSeconds)}
      {size === 'large' && (
        <span className="time-meter__note">
          {over
            ? `${formatSeconds(loggedSeconds - estimateSeconds)} over the estimate`
            : loggedSeconds > 0
              ? `${formatSeconds(estimateSeconds - loggedSeconds)} left of the estimate`
              : 'Nothing logged yet'}
        </span>
      )}
    </span>
  );
}
