import type { CreateTimeEntry, TimeClass, TimeEntry } from '@rytask/contracts';
import { useId, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { fieldOf, messageOf } from '../../../lib/errors';
import { dayAndTimeIn, durationInput } from '../../../lib/format';

type Mode = 'duration' | 'range';
export type EntryDraft = {
  mode: Mode;
  duration: string;
  date: string;
  /** `datetime-local` values, in this browser's time. */
  startedAt: string;
  endedAt: string;
  classification: TimeClass;
  note: string;
};

const FIELDS = ['duration', 'date', 'startedAt', 'endedAt', 'classification', 'note'] as const;
type Field = (typeof FIELDS)[number];

/** An empty form: today, and the class the item's priority suggests. */
export function newDraft(today: string, classification: TimeClass): EntryDraft {
  return { mode: 'duration', duration: '', date: today, startedAt: '', endedAt: '', classification, note: '' };
}

/** An entry as the form shows it for editing. */
export function draftOf(entry: TimeEntry, timeZone?: string): EntryDraft {
  return {
    mode: 'duration',
    duration: durationInput(entry.seconds),
    date: dayAndTimeIn(entry.startedAt, timeZone).day,
    startedAt: localInput(entry.startedAt),
    endedAt: entry.endedAt ? localInput(entry.endedAt) : '',
    classification: entry.classification ?? 'planned',
    note: entry.note,
  };
}

/** "2025-03-03T09:30" in this browser's time zone, for a datetime-local input. */
function localInput(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * What to send: everything for a new entry; for an edit only what changed. The API keeps an
 * entry's start when only its duration changes and its length when only its day changes, so a
 * timer's 09:12 start survives a corrected duration. A changed start or end sends both ends.
 */
export function toRequest(draft: EntryDraft, initial?: EntryDraft): CreateTimeEntry {
  const request: CreateTimeEntry = {};
  if (draft.mode === 'duration') {
    if (!initial || draft.duration !== initial.duration) request.duration = draft.duration.trim();
    if ((!initial && draft.date) || (initial && draft.date && draft.date !== initial.date)) request.date = draft.date;
  } else if (!initial || draft.startedAt !== initial.startedAt || draft.endedAt !== initial.endedAt) {
    request.startedAt = new Date(draft.startedAt).toISOString();
    request.endedAt = new Date(draft.endedAt).toISOString();
  }
  if (!initial || draft.classification !== initial.classification) request.classification = draft.classification;
  if (!initial || draft.note !== initial.note) request.note = draft.note.trim();
  return request;
}

type Props = {
  initial: EntryDraft;
  /** For an edit: the values before, so only changes are sent. */
  editing?: boolean;
  submitLabel: string;
  onSubmit: (request: CreateTimeEntry) => Promise<unknown>;
  onCancel?: () => void;
  pending: boolean;
  testId?: string;
};

/** A duration ("1h30m", "90m", "1.5h") on a day, or a start and an end; the class; a note. */
export function TimeEntryForm({ initial, editing, submitLabel, onSubmit, onCancel, pending, testId }: Props) {
  const [draft, setDraft] = useState(initial);
  const [problem, setProblem] = useState<{ field?: Field; message: string }>();
  const id = useId();
  const set = (patch: Partial<EntryDraft>) => setDraft((current) => ({ ...current, ...patch }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (draft.mode === 'duration' && !draft.duration.trim()) {
      return setProblem({ field: 'duration', message: 'Say how long, like 45m, 1h30m or 1.5h.' });
    }
    if (draft.mode === 'range' && (!draft.startedAt || !draft.endedAt)) {
      return setProblem({ field: draft.startedAt ? 'endedAt' : 'startedAt', message: 'Give both a start and an end.' });
    }
    const request = toRequest(draft, editing ? initial : undefined);
    if (editing && Object.keys(request).length === 0) return onCancel?.();
    try {
      await onSubmit(request);
      setProblem(undefined);
      // Ready for the next entry: same way of entering and same day, the class back to the default.
      if (!editing) setDraft({ ...initial, mode: draft.mode, date: draft.date });
    } catch (error) {
      setProblem({ field: fieldOf(error, FIELDS), message: messageOf(error) });
    }
  }

  const errorFor = (...fields: Field[]) =>
    problem?.field && fields.includes(problem.field) ? (
      <span className="field__error" id={`${id}-${problem.field}-error`}>
        {problem.message}
      </span>
    ) : null;
  const invalid = (field: Field) =>
    problem?.field === field ? { 'aria-invalid': true, 'aria-describedby': `${id}-${field}-error` } : {};

  return (
    <form className="time-form" onSubmit={submit} noValidate data-testid={testId}>
      <div className="time-form__row">
        {draft.mode === 'duration' ? (
          <>
            <label className="time-form__field time-form__field--short">
              <span className="time-form__label">Duration</span>
              <input
                className="select"
                value={draft.duration}
                onChange={(event) => set({ duration: event.target.value })}
                placeholder="1h30m"
                autoComplete="off"
                data-testid="time-duration"
                {...invalid('duration')}
              />
            </label>
            <label className="time-form__field">
              <span className="time-form__label">Day</span>
              <input
                type="date"
                className="select"
                value={draft.date}
                onChange={(event) => set({ date: event.target.value })}
                data-testid="time-date"
                {...invalid('date')}
              />
            </label>
          </>
        ) : (
          <>
            <label className="time-form__field">
              <span className="time-form__label">Started</span>
              <input
                type="datetime-local"
                className="select"
                value={draft.startedAt}
                onChange={(event) => set({ startedAt: event.target.value })}
                data-testid="time-started"
                {...invalid('startedAt')}
              />
            </label>
            <label className="time-form__field">
              <span className="time-form__label">Ended</span>
              <input
                type="datetime-local"
                className="select"
                value={draft.endedAt}
                onChange={(event) => set({ endedAt: event.target.value })}
                data-testid="time-ended"
                {...invalid('endedAt')}
              />
            </label>
          </>
        )}
        <label className="time-form__field">
          <span className="time-form__label">Counts as</span>
          <select
            className="select"
            value={draft.classification}
            onChange={(event) => set({ classification: event.target.value as TimeClass })}
            data-testid="time-class"
          >
            <option value="planned">Planned</option>
            <option value="interruption">Interruption</option>
          </select>
        </label>
        <label className="time-form__field time-form__field--grow">
          <span className="time-form__label">Note</span>
          <input
            className="select"
            value={draft.note}
            maxLength={2000}
            onChange={(event) => set({ note: event.target.value })}
            placeholder="Optional"
            data-testid="time-note"
            {...invalid('note')}
          />
        </label>
      </div>
      {errorFor('duration', 'date', 'startedAt', 'endedAt', 'classification', 'note')}
      {problem && !problem.field && <Alert>{problem.message}</Alert>}
      <div className="time-form__actions">
        <Button type="submit" variant={editing ? 'primary' : 'secondary'} size="small" pending={pending} data-testid="time-submit">
          {submitLabel}
        </Button>
        {onCancel && (
          <Button size="small" variant="quiet" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <button
          type="button"
          className="link-button time-form__mode"
          onClick={() => {
            setProblem(undefined);
            set({ mode: draft.mode === 'duration' ? 'range' : 'duration' });
          }}
        >
          {draft.mode === 'duration' ? 'Enter a start and end instead' : 'Enter a duration instead'}
        </button>
      </div>
    </form>
  );
}
