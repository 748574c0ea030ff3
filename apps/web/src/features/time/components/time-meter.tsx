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
 * estimate there is nothing to be over, so it is just the logged time. No hooks and no timers: a
 * 500-card board draws 500 of these.
 */
export function TimeMeter({ loggedSeconds, estimateMinutes, showEmpty = false, size = 'small' }: Props) {
  if (!estimateMinutes && loggedSeconds <= 0 && !showEmpty) return null;
  const label = meterLabel(loggedSeconds, estimateMinutes);
  if (!estimateMinutes) {
    return (
      <span className={`time-meter time-meter--${size} time-meter--plain`} role="img" aria-label={label} title={label} data-testid="time-meter">
        <ClockIcon />
        <span aria-hidden="true">{loggedSeconds > 0 ? formatSeconds(loggedSeconds) : 'No time logged'}</span>
      </span>
    );
  }
  const estimateSeconds = estimateMinutes * 60;
  const over = loggedSeconds > estimateSeconds;
  const fill = Math.min(100, (loggedSeconds / estimateSeconds) * 100);
  return (
    <span
      className={`time-meter time-meter--${size}${over ? ' time-meter--over' : ''}`}
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
      <span className="time-meter__track" aria-hidden="true">
        <span className="time-meter__fill" style={{ width: `${fill}%` }} />
      </span>
      <span className="time-meter__text" aria-hidden="true">
        {loggedSeconds > 0 ? `${formatSeconds(loggedSeconds)} / ` : ''}
        {formatSeconds(estimateSeconds)}
      </span>
      {size === 'large' && (
        <span className="time-meter__note" aria-hidden="true">
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

function ClockIcon() {
  return (
    <svg className="time-meter__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="6" />
      <path d="M8 4.8V8l2.2 1.4" />
    </svg>
  );
}
