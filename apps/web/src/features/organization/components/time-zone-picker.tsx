import { useMemo, useState } from 'react';
import { timeZoneOptions, zoneLabel } from '../time-zones';

type TimeZonePickerProps = {
  value: string;
  onChange: (timeZone: string) => void;
  error?: string;
};

/**
 * A search box over a list of every time zone. A native list box: arrow keys move through it,
 * and screen readers announce the options, with nothing custom to get wrong.
 */
export function TimeZonePicker({ value, onChange, error }: TimeZonePickerProps) {
  const [query, setQuery] = useState('');
  const known = useMemo(() => timeZoneOptions(), []);
  // A zone the server knows but this browser does not list still shows as the chosen one.
  const all = known.some((zone) => zone.id === value) ? known : [{ id: value, offset: '', search: value.toLowerCase() }, ...known];
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matching = all.filter((zone) => words.every((word) => zone.search.includes(word)));
  // The chosen zone stays in the list, so the list box always shows what is chosen.
  const shown = matching.some((zone) => zone.id === value) ? matching : all.filter((zone) => zone.id === value).concat(matching);
  const current = all.find((zone) => zone.id === value);
  const matches = matching.length;

  return (
    <fieldset className={['field', 'tz-picker', error && 'field--invalid'].filter(Boolean).join(' ')}>
      <legend className="field__label">Time zone</legend>
      <p className="field__hint" id="tz-current">
        Now: <strong>{zoneLabel(value)}</strong>
        {current?.offset ? ` (${current.offset})` : ''}. Reports, “today” and due dates use it.
      </p>
      <label className="visually-hidden" htmlFor="tz-search">
        Search time zones
      </label>
      <input
        id="tz-search"
        className="field__input"
        type="search"
        placeholder="Search: a city, a region or an offset like +05:30"
        autoComplete="off"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          // Down from the search box goes into the list, as in a combo box.
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            document.getElementById('tz-list')?.focus();
          }
        }}
        aria-controls="tz-list"
      />
      <label className="visually-hidden" htmlFor="tz-list">
        Time zone
      </label>
      <select
        id="tz-list"
        className="select tz-picker__list"
        size={7}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'tz-error' : 'tz-current'}
      >
        {shown.map((zone) => (
          <option key={zone.id} value={zone.id}>
            {zoneLabel(zone.id)}
            {zone.offset ? ` — ${zone.offset}` : ''}
          </option>
        ))}
      </select>
      <p className="field__hint" role="status">
        {words.length > 0 ? `${matches} time zone${matches === 1 ? '' : 's'} match.` : `${all.length} time zones.`}
      </p>
      {error && (
        <p className="field__error" id="tz-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
