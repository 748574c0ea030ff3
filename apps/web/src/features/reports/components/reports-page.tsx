import type { Project, TimeReport } from '@rytask/contracts';
import { Link, useLocation, useSearchParams } from 'wouter';
import { Loading } from '../../../components/loading';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { daysBetween, formatDay, formatDayRange, formatSeconds } from '../../../lib/format';
import { useMembers, useOrganization, useToday } from '../../items/api/reference-data';
import { useProjects } from '../../projects/api/projects';
import { csvHref, useInterruptionLedger, useTimeReport, type ReportFilters } from '../api/reports';
import { isIsoDay, presetRange, PRESETS, rangeProblem, type Preset, type Range } from '../range';
import { InterruptionLedger } from './interruption-ledger';
import { RangePicker } from './range-picker';
import { SplitTable } from './split-table';
import { StackedBarChart, type Bar } from './stacked-bar-chart';
import { Totals } from './totals';

/** Above this many days the per-day chart has bars too thin to read; weeks only. */
const MAX_DAY_BARS = 62;

/**
 * `/reports`: where the time went over a range of the organization's days — the totals and their
 * planned/interruption split, a chart per week (or day), tables per project, person, week and day,
 * the interruption ledger, and every table as CSV. The range and filters live in the address, so
 * a report can be bookmarked or sent.
 */
export function ReportsPage() {
  const organization = useOrganization();
  const today = useToday();
  if (organization.isPending) return <Loading label="Loading reports…" />;
  if (organization.isError) {
    return <QueryError error={organization.error} retry={() => void organization.refetch()} what="the organization" />;
  }
  return <Reports today={today} weekStart={organization.data.weekStart} timeZone={organization.data.timeZone} />;
}

type Chart = 'week' | 'day';

function Reports({ today, weekStart, timeZone }: { today: string; weekStart: number; timeZone: string }) {
  const [params] = useSearchParams();
  const [location, navigate] = useLocation();
  const projects = useProjects();
  const members = useMembers();

  const requested = params.get('range');
  const preset: Preset | 'custom' =
    requested === 'custom' || PRESETS.includes(requested as Preset) ? (requested as Preset | 'custom') : 'this-week';
  const custom: Partial<Range> = {
    from: isIsoDay(params.get('from')) ? params.get('from')! : undefined,
    to: isIsoDay(params.get('to')) ? params.get('to')! : undefined,
  };
  const range: Partial<Range> = preset === 'custom' ? custom : presetRange(preset, today, weekStart);
  const problem = preset === 'custom' ? rangeProblem(range) : undefined;
  const projectId = params.get('project') ?? undefined;
  const userId = params.get('person') ?? undefined;
  const filters: ReportFilters | undefined =
    !problem && range.from && range.to ? { from: range.from, to: range.to, projectId, userId } : undefined;

  function change(next: Record<string, string | undefined>) {
    const search = new URLSearchParams(params);
    for (const [name, value] of Object.entries(next)) {
      if (value) search.set(name, value);
      else search.delete(name);
    }
    navigate(`${location}?${search.toString()}`, { replace: true });
  }

  const days = range.from && range.to ? daysBetween(range.from, range.to) + 1 : 0;
  const chartParam = params.get('chart');
  const chart: Chart = days > MAX_DAY_BARS ? 'week' : chartParam === 'day' || chartParam === 'week' ? chartParam : days <= 14 ? 'day' : 'week';

  return (
    <>
      <PageHeader
        title="Reports"
        actions={
          <>
            <Link href="/my-week" className="button button--secondary">
              My week
            </Link>
            {filters && (
              <a className="button button--secondary" href={csvHref('entries', filters)} download data-testid="csv-entries">
                Download entries (CSV)
              </a>
            )}
          </>
        }
      >
        <p className="page-header__lead">Where the time went: planned work and interruptions, in {timeZone} time.</p>
      </PageHeader>

      <div className="report-controls">
        <RangePicker
          preset={preset}
          range={range}
          problem={problem}
          onPreset={(next) =>
            change(
              next === 'custom'
                ? { range: next, from: range.from, to: range.to }
                : { range: next, from: undefined, to: undefined },
            )
          }
          onCustom={(next) => change({ range: 'custom', from: next.from, to: next.to })}
        />
        <div className="report-controls__filters">
          <label className="time-form__field">
            <span className="time-form__label">Project</span>
            <select className="select" value={projectId ?? ''} onChange={(event) => change({ project: event.target.value })} data-testid="report-project">
              <option value="">All projects</option>
              {projects.data?.map((project: Project) => (
                <option key={project.id} value={project.id}>
                  {project.name}
                </option>
              ))}
            </select>
          </label>
          <label className="time-form__field">
            <span className="time-form__label">Person</span>
            <select className="select" value={userId ?? ''} onChange={(event) => change({ person: event.target.value })} data-testid="report-person">
              <option value="">Everyone</option>
              {members.data?.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>

      {filters && (
        <ReportBody
          filters={filters}
          chart={chart}
          days={days}
          onChart={(next) => change({ chart: next })}
        />
      )}
    </>
  );
}

type BodyProps = { filters: ReportFilters; chart: Chart; days: number; onChart: (chart: Chart) => void };

function ReportBody({ filters, chart, days, onChart }: BodyProps) {
  const report = useTimeReport(filters);
  const ledger = useInterruptionLedger(filters);

  if (report.isPending) return <Loading label="Adding up the time…" />;
  if (report.isError) return <QueryError error={report.error} retry={() => void report.refetch()} what="the report" />;
  const data = report.data;
  const csv = (table: Parameters<typeof csvHref>[0]) => csvHref(table, filters);

  return (
    <div className={`report${report.isPlaceholderData ? ' report--stale' : ''}`} data-testid="report" aria-busy={report.isFetching || undefined}>
      <p className="report__range" data-testid="report-range">
        <strong>{formatDayRange(data.from, data.to)}</strong> · {days} {days === 1 ? 'day' : 'days'} · weeks start on {WEEKDAYS[data.weekStart]}
      </p>
      <Totals totals={data.totals} />

      <section className="report-card card" aria-labelledby="chart-heading">
        <header className="report-card__header">
          <h2 className="report-card__title" id="chart-heading">
            {chart === 'week' ? 'Hours per week' : 'Hours per day'}
          </h2>
          <div className="segmented" role="group" aria-label="Bars per">
            <button type="button" className="segmented__option" aria-pressed={chart === 'week'} onClick={() => onChart('week')}>
              Weeks
            </button>
            <button
              type="button"
              className="segmented__option"
              aria-pressed={chart === 'day'}
              onClick={() => onChart('day')}
              disabled={days > MAX_DAY_BARS}
              title={days > MAX_DAY_BARS ? `Days are shown for ranges up to ${MAX_DAY_BARS} days` : undefined}
            >
              Days
            </button>
          </div>
        </header>
        <StackedBarChart
          bars={chart === 'week' ? weekBars(data) : dayBars(data)}
          title={`Planned and interruption hours per ${chart}, ${formatDayRange(data.from, data.to)}`}
          testId="report-chart"
        />
      </section>

      <div className="report-grid">
        <SplitTable
          title="By project"
          what="Project"
          testId="report-projects"
          csv={csv('projects')}
          total={data.totals}
          rows={data.byProject.map((row) => ({
            key: row.project.id,
            name: (
              <Link href={`/projects/${row.project.key}`}>
                <span className="report-table__key">{row.project.key}</span> {row.project.name}
              </Link>
            ),
            split: row,
          }))}
        />
        <SplitTable
          title="By person"
          what="Person"
          testId="report-people"
          csv={csv('people')}
          total={data.totals}
          rows={data.byPerson.map((row) => ({
            key: row.person.id,
            name: (
              <Link href={`/my-week?person=${row.person.id}&day=${data.from}`} title={`${row.person.name}’s week`}>
                {row.person.name}
              </Link>
            ),
            split: row,
          }))}
        />
        <SplitTable
          title="By week"
          what="Week of"
          testId="report-weeks"
          csv={csv('weeks')}
          total={data.totals}
          rows={data.byWeek.map((row) => ({ key: row.weekStart, name: formatDay(row.weekStart, { weekday: 'short' }), split: row }))}
        />
        <SplitTable
          title="By day"
          what="Day"
          testId="report-days"
          csv={csv('days')}
          total={data.totals}
          rows={data.byDay.map((row) => ({ key: row.day, name: formatDay(row.day, { weekday: 'short' }), split: row }))}
        />
      </div>

      {ledger.isError ? (
        <QueryError error={ledger.error} retry={() => void ledger.refetch()} what="the interruption ledger" />
      ) : ledger.data ? (
        <InterruptionLedger ledger={ledger.data} csv={csv('interruptions')} />
      ) : (
        <Loading label="Loading the interruption ledger…" />
      )}
      <p className="muted report__footnote">
        Totals: {formatSeconds(data.totals.tracked)} tracked = {formatSeconds(data.totals.planned)} planned +{' '}
        {formatSeconds(data.totals.interruption)} interruption. Running timers count once they stop.
      </p>
    </div>
  );
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function weekBars(report: TimeReport): Bar[] {
  return report.byWeek.map((week) => ({
    key: week.weekStart,
    label: formatDay(week.weekStart),
    longLabel: `Week of ${formatDay(week.weekStart, { year: true })}`,
    planned: week.planned,
    interruption: week.interruption,
  }));
}

function dayBars(report: TimeReport): Bar[] {
  return report.byDay.map((day) => ({
    key: day.day,
    label: report.byDay.length <= 7 ? formatDay(day.day, { weekday: 'short' }) : formatDay(day.day),
    longLabel: formatDay(day.day, { weekday: 'long', year: true }),
    planned: day.planned,
    interruption: day.interruption,
  }));
}
