import type { MyWeek } from '@rytask/contracts';
import { useState } from 'react';
import { Link, useLocation, useSearchParams } from 'wouter';
import { Button } from '../../../components/button';
import { Icon } from '../../../components/icon';
import { Loading } from '../../../components/loading';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { useSessionContext } from '../../../app/session-context';
import { addDays, formatDay, formatDayRange, formatSeconds } from '../../../lib/format';
import { useMembers, useToday } from '../../items/api/reference-data';
import { ClassBadge } from '../../time/components/class-badge';
import { useMyWeek } from '../api/reports';
import { isIsoDay } from '../range';

/**
 * `/my-week`: one person's week, day by day, with the items the time went to; previous and next
 * week; and the API's plain-text summary to paste into a stand-up or a timesheet.
 */
export function MyWeekPage() {
  const { session } = useSessionContext();
  const [params] = useSearchParams();
  const [location, navigate] = useLocation();
  const today = useToday();
  const members = useMembers();
  const requestedDay = params.get('day');
  const day = isIsoDay(requestedDay) ? requestedDay : undefined;
  const userId = params.get('person') ?? undefined;
  const week = useMyWeek({ day, userId });

  function go(next: { day?: string; person?: string }) {
    const search = new URLSearchParams();
    const nextDay = 'day' in next ? next.day : day;
    const nextPerson = 'person' in next ? next.person : userId;
    if (nextDay) search.set('day', nextDay);
    if (nextPerson && nextPerson !== session.user.id) search.set('person', nextPerson);
    const text = search.toString();
    navigate(`${location}${text ? `?${text}` : ''}`);
  }

  const data = week.data;
  const mine = !data || data.person.id === session.user.id;
  const title = mine ? 'My week' : `${data.person.name}’s week`;

  return (
    <>
      <PageHeader
        title={title}
        eyebrow={data ? <span data-testid="week-range">{formatDayRange(data.weekStart, addDays(data.weekStart, 6))}</span> : undefined}
        actions={data && <CopyText text={data.text} />}
      />
      <div className="week-controls">
        <div className="week-controls__nav" role="group" aria-label="Week">
          <Button
            size="small"
            onClick={() => data && go({ day: addDays(data.weekStart, -7) })}
            disabled={!data}
            data-testid="week-previous"
          >
            <span aria-hidden="true">←</span> Previous week
          </Button>
          <Button size="small" variant="quiet" onClick={() => go({ day: undefined })} disabled={!day || (data && today >= data.weekStart && today <= addDays(data.weekStart, 6))}>
            This week
          </Button>
          <Button size="small" onClick={() => data && go({ day: addDays(data.weekStart, 7) })} disabled={!data} data-testid="week-next">
            Next week <span aria-hidden="true">→</span>
          </Button>
        </div>
        <label className="time-form__field week-controls__person">
          <span className="time-form__label">Person</span>
          <select
            className="select"
            value={userId ?? session.user.id}
            onChange={(event) => go({ person: event.target.value })}
            data-testid="week-person"
          >
            {!members.data && <option value={session.user.id}>{session.user.name}</option>}
            {members.data?.map((member) => (
              <option key={member.id} value={member.id}>
                {member.id === session.user.id ? `${member.name} (you)` : member.name}
              </option>
            ))}
          </select>
        </label>
        <Link href="/reports" className="week-controls__reports">
          Team reports
        </Link>
      </div>
      {week.isPending ? (
        <Loading label="Loading the week…" />
      ) : week.isError ? (
        <QueryError error={week.error} retry={() => void week.refetch()} what="the week" />
      ) : (
        <WeekView week={week.data} today={today} stale={week.isPlaceholderData} />
      )}
    </>
  );
}

function WeekView({ week, today, stale }: { week: MyWeek; today: string; stale: boolean }) {
  return (
    <div className={`week${stale ? ' report--stale' : ''}`} data-testid="my-week">
      <section className="report-totals card" aria-label="This week’s totals">
        <dl className="report-totals__figures">
          <div className="report-totals__figure">
            <dt>Tracked</dt>
            <dd data-testid="week-tracked">{formatSeconds(week.totals.tracked)}</dd>
          </div>
          <div className="report-totals__figure report-totals__figure--planned">
            <dt>Planned</dt>
            <dd data-testid="week-planned">{formatSeconds(week.totals.planned)}</dd>
          </div>
          <div className="report-totals__figure report-totals__figure--interruption">
            <dt>Interruptions</dt>
            <dd data-testid="week-interruption">{formatSeconds(week.totals.interruption)}</dd>
          </div>
        </dl>
        <WeekStrip week={week} />
      </section>
      <ol className="week-days">
        {week.days.map((day) => (
          <li key={day.day} className={`week-day card${day.day === today ? ' week-day--today' : ''}`} data-testid={`week-day-${day.day}`}>
            <header className="week-day__header">
              <h2 className="week-day__title">
                {formatDay(day.day, { weekday: 'long' })}
                {day.day === today && <span className="badge badge--accent">Today</span>}
              </h2>
              <span className="week-day__total">
                {day.tracked > 0 ? (
                  <>
                    <strong>{formatSeconds(day.tracked)}</strong>
                    {day.interruption > 0 && (
                      <ClassBadge classification="interruption" text={`${formatSeconds(day.interruption)} interruption`} />
                    )}
                  </>
                ) : (
                  <span className="muted">Nothing tracked</span>
                )}
              </span>
            </header>
            {day.items.length > 0 && (
              <table className="report-table week-day__items">
                <thead className="visually-hidden">
                  <tr>
                    <th scope="col">Item</th>
                    <th scope="col">Planned</th>
                    <th scope="col">Interruption</th>
                    <th scope="col">Tracked</th>
                  </tr>
                </thead>
                <tbody>
                  {day.items.map((row) => (
                    <tr key={row.item.id}>
                      <th scope="row" className="report-table__item">
                        <Link href={`/items/${row.item.key}`}>
                          <span className="report-table__key">{row.item.key}</span> {row.item.title}
                        </Link>
                      </th>
                      <td className="num muted">{row.planned > 0 ? `${formatSeconds(row.planned)} planned` : ''}</td>
                      <td className="num report-table__interruption">
                        {row.interruption > 0 ? `${formatSeconds(row.interruption)} interruption` : ''}
                      </td>
                      <td className="num">
                        <strong>{formatSeconds(row.tracked)}</strong>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </li>
        ))}
      </ol>
      <details className="week-text">
        <summary>Show the text summary</summary>
        <pre data-testid="week-text">{week.text}</pre>
      </details>
    </div>
  );
}

/** Seven small bars, one per day, so the shape of the week shows before the details. */
function WeekStrip({ week }: { week: MyWeek }) {
  const max = Math.max(1, ...week.days.map((day) => day.tracked));
  return (
    <ol className="week-strip" aria-hidden="true">
      {week.days.map((day) => (
        <li key={day.day} className="week-strip__day">
          <span className="week-strip__bar">
            <span className="week-strip__interruption" style={{ height: `${(day.interruption / max) * 100}%` }} />
            <span className="week-strip__planned" style={{ height: `${(day.planned / max) * 100}%` }} />
          </span>
          <span className="week-strip__label">{formatDay(day.day, { weekday: 'short' }).split(/[ ,]/)[0]}</span>
          <span className="week-strip__total">{day.tracked > 0 ? formatSeconds(day.tracked) : '–'}</span>
        </li>
      ))}
    </ol>
  );
}

/** Copies the API's text; where the clipboard is not allowed, shows it selected for Ctrl+C. */
function CopyText({ text }: { text: string }) {
  const [state, setState] = useState<'copied' | 'select'>();
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('select');
      const pre = document.querySelector<HTMLElement>('[data-testid="week-text"]');
      const details = pre?.closest('details');
      if (details && pre) {
        details.open = true;
        window.getSelection()?.selectAllChildren(pre);
      }
    }
    window.setTimeout(() => setState(undefined), 4_000);
  }
  return (
    <>
      <Button onClick={() => void copy()} data-testid="copy-week">
        <Icon name={state === 'copied' ? 'check' : 'copy'} />
        {state === 'copied' ? 'Copied' : 'Copy as text'}
      </Button>
      <span className="visually-hidden" role="status">
        {state === 'copied' ? 'The week’s summary is on the clipboard' : state === 'select' ? 'Selected: press Ctrl+C to copy' : ''}
      </span>
    </>
  );
}
