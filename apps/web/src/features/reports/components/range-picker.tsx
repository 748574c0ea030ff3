import { useId } from 'react';
import { PRESET_LABEL, PRESETS, type Preset, type Range } from '../range';

type Props = {
  preset: Preset | 'custom';
  range: Partial<Range>;
  problem?: string;
  onPreset: (preset: Preset | 'custom') => void;
  onCustom: (range: Partial<Range>) => void;
};

/** This week, last week, this month, the last 30 days, or any days up to a year. */
export function RangePicker({ preset, range, problem, onPreset, onCustom }: Props) {
  const id = useId();
  return (
    <div className="range-picker">
      <div className="segmented" role="group" aria-label="Range">
        {[...PRESETS, 'custom' as const].map((option) => (
          <button
            key={option}
            type="button"
            className="segmented__option"
            aria-pressed={preset === option}
            onClick={() => onPreset(option)}
            data-testid={`range-${option}`}
          >
            {PRESET_LABEL[option]}
          </button>
        ))}
      </div>
      {preset === 'custom' && (
        <div className="range-picker__custom">
          <label className="time-form__field">
            <span className="time-form__label">From</span>
            <input
              type="date"
              className="select"
              value={range.from ?? ''}
              onChange={(event) => onCustom({ ...range, from: event.target.value })}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-problem` : undefined}
              data-testid="range-from"
            />
          </label>
          <label className="time-form__field">
            <span className="time-form__label">To</span>
            <input
              type="date"
              className="select"
              value={range.to ?? ''}
              onChange={(event) => onCustom({ ...range, to: event.target.value })}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-problem` : undefined}
              data-testid="range-to"
            />
          </label>
          {problem && (
            <span className="field__error range-picker__problem" id={`${id}-problem`} role="alert">
              {problem}
            </span>
          )}
        </div>
      )}
    </div>
  );
}
