import type { OrganizationSettings, UpdateOrganizationRequest } from '@rytask/contracts';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { Loading } from '../../../components/loading';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { TextField } from '../../../components/text-field';
import { useToast } from '../../../components/toast';
import { useSessionContext } from '../../../app/session-context';
import { fieldOf, messageOf } from '../../../lib/errors';
import { getSession } from '../../auth/api/get-session';
import { useOrganization } from '../../items/api/reference-data';
import { useUpdateOrganization } from '../api/organization';
import { zoneLabel } from '../time-zones';
import { TimeZonePicker } from './time-zone-picker';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** `/settings/organization`: name, time zone, week start and working day. Owners and admins change them. */
export function OrganizationPage() {
  const { canManage } = useSessionContext();
  const organization = useOrganization();
  return (
    <>
      <PageHeader title="Organization" />
      <div className="settings-stack">
        {organization.isPending ? (
          <Loading />
        ) : organization.isError ? (
          <QueryError error={organization.error} retry={() => void organization.refetch()} what="the organization" />
        ) : canManage ? (
          <OrganizationForm key={organization.data.id} organization={organization.data} />
        ) : (
          <OrganizationSummary organization={organization.data} />
        )}
      </div>
    </>
  );
}

function hours(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100);
}

function OrganizationSummary({ organization }: { organization: OrganizationSettings }) {
  return (
    <section className="settings-section card" aria-labelledby="org-heading" data-testid="organization-summary">
      <h2 className="settings-section__title" id="org-heading">
        {organization.name}
      </h2>
      <dl className="facts">
        <dt>Time zone</dt>
        <dd>{zoneLabel(organization.timeZone)}</dd>
        <dt>Weeks start on</dt>
        <dd>{WEEKDAYS[organization.weekStart]}</dd>
        <dt>Working day</dt>
        <dd>{hours(organization.workingMinutesPerDay)} hours</dd>
      </dl>
      <p className="muted">Only owners and admins change these.</p>
    </section>
  );
}

type Field = 'name' | 'timeZone' | 'weekStart' | 'workingMinutesPerDay';
type Problems = Partial<Record<Field | 'form', string>>;

function OrganizationForm({ organization }: { organization: OrganizationSettings }) {
  const { onSessionChange } = useSessionContext();
  const [name, setName] = useState(organization.name);
  const [timeZone, setTimeZone] = useState(organization.timeZone);
  const [weekStart, setWeekStart] = useState(organization.weekStart);
  const [dayHours, setDayHours] = useState(hours(organization.workingMinutesPerDay));
  const [problems, setProblems] = useState<Problems>({});
  const update = useUpdateOrganization();
  const toast = useToast();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Problems = {};
    const minutes = Math.round(Number(dayHours) * 60);
    if (!name.trim()) found.name = 'Enter a name';
    if (!dayHours.trim() || !Number.isFinite(minutes) || minutes < 60 || minutes > 1440) {
      found.workingMinutesPerDay = 'Use between 1 and 24 hours';
    }
    setProblems(found);
    if (Object.keys(found).length > 0) return;

    const patch: UpdateOrganizationRequest = {};
    if (name.trim() !== organization.name) patch.name = name.trim();
    if (timeZone !== organization.timeZone) patch.timeZone = timeZone;
    if (weekStart !== organization.weekStart) patch.weekStart = weekStart;
    if (minutes !== organization.workingMinutesPerDay) patch.workingMinutesPerDay = minutes;
    if (Object.keys(patch).length === 0) return toast.show('Nothing to save: no changes.', 'info');
    try {
      await update.mutateAsync(patch);
      toast.show('Organization settings saved.', 'success');
      // The header and pages show the organization's name from the session.
      if (patch.name) {
        const session = await getSession();
        if (session) onSessionChange(session);
      }
    } catch (error) {
      const field = fieldOf(error, ['name', 'timeZone', 'weekStart', 'workingMinutesPerDay'] as const);
      setProblems(field ? { [field]: messageOf(error) } : { form: messageOf(error) });
    }
  }

  return (
    <section className="settings-section card" aria-labelledby="org-form-heading">
      <div className="settings-section__header">
        <div>
          <h2 className="settings-section__title" id="org-form-heading">
            Settings for everyone in {organization.name}
          </h2>
          <p className="settings-section__lead">Reports, due dates and quick-add follow these.</p>
        </div>
      </div>
      <form className="form org-form" onSubmit={submit} noValidate data-testid="organization-form">
        {problems.form && <Alert>{problems.form}</Alert>}
        <TextField label="Name" name="name" autoComplete="organization" value={name} maxLength={100} onChange={(event) => setName(event.target.value)} error={problems.name} />
        <TimeZonePicker value={timeZone} onChange={setTimeZone} error={problems.timeZone} />
        <div className="org-form__row">
          <div className={['field', problems.weekStart && 'field--invalid'].filter(Boolean).join(' ')}>
            <label className="field__label" htmlFor="org-week-start">
              Weeks start on
            </label>
            <select
              id="org-week-start"
              className="select field__select"
              value={weekStart}
              onChange={(event) => setWeekStart(Number(event.target.value))}
              aria-describedby={problems.weekStart ? 'org-week-start-error' : 'org-week-start-hint'}
              aria-invalid={problems.weekStart ? true : undefined}
            >
              {WEEKDAYS.map((day, index) => (
                <option key={day} value={index}>
                  {day}
                </option>
              ))}
            </select>
            {problems.weekStart ? (
              <p className="field__error" id="org-week-start-error">
                {problems.weekStart}
              </p>
            ) : (
              <p className="field__hint" id="org-week-start-hint">
                Weekly reports run from this day.
              </p>
            )}
          </div>
          <TextField
            label="Working hours per day"
            name="working-hours"
            type="number"
            inputMode="decimal"
            min={1}
            max={24}
            step={0.25}
            value={dayHours}
            onChange={(event) => setDayHours(event.target.value)}
            error={problems.workingMinutesPerDay}
            hint="What ~1d means in quick-add, and a working day in reports."
          />
        </div>
        <div className="form__actions">
          <Button type="submit" variant="primary" pending={update.isPending}>
            Save
          </Button>
        </div>
      </form>
    </section>
  );
}
