import type { Item, TimeClass, TimeEntry } from '@rytask/contracts';
import { useState } from 'react';
import { Alert } from '../../../components/alert';
import { useSessionContext } from '../../../app/session-context';
import { messageOf } from '../../../lib/errors';
import { dayAndTimeIn, formatDay, formatExact, formatSeconds } from '../../../lib/format';
import { useOrganization, useToday } from '../../items/api/reference-data';
import { Avatar } from '../../items/components/item-bits';
import { useItemTime, useTimeEntryMutations } from '../api/entries';
import { ClassBadge } from './class-badge';
import { draftOf, newDraft, TimeEntryForm } from './time-entry-form';

/** Time on an urgent item counts as an interruption unless the person says otherwise. */
export function defaultClass(item: Pick<Item, 'priority'>): TimeClass {
  return item.priority === 'urgent' ? 'interruption' : 'planned';
}

/**
 * The item's time: everyone's entries (newest first), how they split, and a form to add time.
 * Entries are edited or deleted by their owner, or by an owner or admin.
 */
export function ItemTimeSection({ item, editable }: { item: Item; editable: boolean }) {
  const { session, canManage } = useSessionContext();
  const time = useItemTime(item.id);
  const mutations = useTimeEntryMutations(item.id);
  const today = useToday();
  const timeZone = useOrganization().data?.timeZone;
  const entries = time.data?.entries ?? [];
  const finished = entries.filter((entry) => entry.endedAt);
  const split = { planned: 0, interruption: 0 };
  for (const entry of finished) split[entry.classification ?? 'planned'] += entry.seconds;

  return (
    <section className="item-section" aria-labelledby="time-heading" data-testid="item-time">
      <div className="item-section__header">
        <h2 className="item-section__title" id="time-heading">
          Time
        </h2>
        {finished.length > 0 && (
          <span className="time-summary" data-testid="item-time-summary">
            <strong>{formatSeconds(split.planned + split.interruption)}</strong> logged
            {split.planned > 0 && <ClassBadge classification="planned" text={`${formatSeconds(split.planned)} planned`} />}
            {split.interruption > 0 && (
              <ClassBadge classification="interruption" text={`${formatSeconds(split.interruption)} interruption`} />
            )}
          </span>
        )}
      </div>
      {time.isError && <Alert>Could not load the time entries. {messageOf(time.error)}</Alert>}
      {time.data && entries.length === 0 && <p className="muted">No time logged yet.</p>}
      {entries.length > 0 && (
        <ol className="time-entries" data-testid="time-entries">
          {entries.map((entry) => (
            <EntryRow
              key={entry.id}
              entry={entry}
              timeZone={timeZone}
              mayChange={editable && Boolean(entry.endedAt) && (entry.person.id === session.user.id || canManage)}
              mutations={mutations}
            />
          ))}
        </ol>
      )}
      {editable && (
        <div className="time-add">
          <h3 className="time-add__title">Add time</h3>
          <TimeEntryForm
            key={`${item.priority}:${today}`}
            initial={newDraft(today, defaultClass(item))}
            submitLabel="Add time"
            pending={mutations.add.isPending}
            onSubmit={(request) => mutations.add.mutateAsync(request)}
            testId="time-add-form"
          />
        </div>
      )}
    </section>
  );
}

type RowProps = {
  entry: TimeEntry;
  timeZone?: string;
  mayChange: boolean;
  mutations: ReturnType<typeof useTimeEntryMutations>;
};

function EntryRow({ entry, timeZone, mayChange, mutations }: RowProps) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string>();
  const start = dayAndTimeIn(entry.startedAt, timeZone);
  const end = entry.endedAt ? dayAndTimeIn(entry.endedAt, timeZone) : undefined;
  const running = !entry.endedAt;

  async function remove() {
    try {
      await mutations.remove.mutateAsync(entry);
    } catch (error) {
      setProblem(messageOf(error));
      setConfirming(false);
    }
  }

  if (editing) {
    return (
      <li className="time-entry time-entry--editing" data-testid="time-entry">
        <TimeEntryForm
          initial={draftOf(entry, timeZone)}
          editing
          submitLabel="Save"
          pending={mutations.edit.isPending}
          onSubmit={async (patch) => {
            await mutations.edit.mutateAsync({ entry, patch });
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
          testId="time-edit-form"
        />
      </li>
    );
  }

  return (
    <li className="time-entry" data-testid="time-entry">
      <Avatar person={entry.person} />
      <div className="time-entry__main">
        <div className="time-entry__line">
          <strong className="time-entry__who">{entry.person.name}</strong>
          <span className="muted" title={entry.endedAt ? `${formatExact(entry.startedAt)} – ${formatExact(entry.endedAt)}` : formatExact(entry.startedAt)}>
            {formatDay(start.day, { weekday: 'short' })}
            {(entry.kind === 'timer' || !start.midnight) && (
              <>
                , {start.time}–{end ? end.time : 'now'}
              </>
            )}
          </span>
        </div>
        {entry.note && <p className="time-entry__note">{entry.note}</p>}
        {problem && <p className="field__error">{problem}</p>}
      </div>
      <div className="time-entry__figures">
        <strong className="time-entry__duration" data-testid="time-entry-duration">
          {formatSeconds(entry.seconds)}
        </strong>
        {running ? <span className="badge badge--accent">Running</span> : entry.classification && <ClassBadge classification={entry.classification} />}
      </div>
      {mayChange && (
        <div className="time-entry__actions">
          {confirming ? (
            <>
              <span className="muted">Delete this entry?</span>
              <button type="button" className="link-button link-button--danger" onClick={() => void remove()}>
                Yes, delete
              </button>
              <button type="button" className="link-button" onClick={() => setConfirming(false)}>
                Keep it
              </button>
            </>
          ) : (
            <>
              <button type="button" className="link-button" onClick={() => setEditing(true)} aria-label={`Edit ${entry.person.name}’s ${formatSeconds(entry.seconds)} entry`}>
                Edit
              </button>
              <button type="button" className="link-button" onClick={() => setConfirming(true)} aria-label={`Delete ${entry.person.name}’s ${formatSeconds(entry.seconds)} entry`}>
                Delete
              </button>
            </>
          )}
        </div>
      )}
    </li>
  );
}
