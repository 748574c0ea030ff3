import type { Project } from '@rytask/contracts';
import { useState, type FormEvent } from 'react';
import { useParams } from 'wouter';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { Loading } from '../../../components/loading';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { TextField } from '../../../components/text-field';
import { useToast } from '../../../components/toast';
import { NotFoundPage } from '../../../app/not-found-page';
import { useSessionContext } from '../../../app/session-context';
import { fieldOf, messageOf } from '../../../lib/errors';
import { useProjectByKey } from '../../projects/api/projects';
import { ProjectTabs } from '../../projects/components/project-tabs';
import { useProjectSettings } from '../api/project-settings';
import { StatusesEditor } from './statuses-editor';

/** `/projects/:key/settings`: name and description, archiving, and the project's statuses. */
export function ProjectSettingsPage() {
  const { key = '' } = useParams<{ key: string }>();
  const { project, isPending, isError, error, refetch } = useProjectByKey(key);
  const { canManage } = useSessionContext();

  if (isPending) return <Loading label="Loading the project…" />;
  if (isError) return <QueryError error={error} retry={() => void refetch()} what="the project" />;
  if (!project) return <NotFoundPage what="project" />;
  return (
    <>
      <PageHeader
        eyebrow={<span className="key-chip">{project.key}</span>}
        title={`${project.name} settings`}
        actions={<ProjectTabs project={project} />}
      />
      {canManage ? (
        <ProjectSettings project={project} />
      ) : (
        <Alert tone="info">Only owners and admins change a project’s settings.</Alert>
      )}
    </>
  );
}

function ProjectSettings({ project }: { project: Project }) {
  const mutations = useProjectSettings(project);
  return (
    <div className="settings-stack" data-testid="project-settings">
      {project.archivedAt && (
        <Alert tone="info">
          This project is archived: it is hidden from the side bar and listed under “Archived projects”. Its items are kept.
        </Alert>
      )}
      <DetailsSection project={project} mutations={mutations} />
      <StatusesEditor project={project} mutations={mutations} />
      <ArchiveSection project={project} mutations={mutations} />
    </div>
  );
}

type Mutations = ReturnType<typeof useProjectSettings>;
type Problems = { name?: string; description?: string; form?: string };

function DetailsSection({ project, mutations }: { project: Project; mutations: Mutations }) {
  const [name, setName] = useState(project.name);
  const [description, setDescription] = useState(project.description);
  const [problems, setProblems] = useState<Problems>({});
  const [saved, setSaved] = useState(false);
  const toast = useToast();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (!name.trim()) return setProblems({ name: 'Give the project a name' });
    setProblems({});
    try {
      await mutations.update.mutateAsync({ name: name.trim(), description: description.trim() });
      setSaved(true);
      toast.show('Project saved.', 'success');
    } catch (error) {
      const field = fieldOf(error, ['name', 'description'] as const);
      setProblems(field ? { [field]: messageOf(error) } : { form: messageOf(error) });
    }
  }

  return (
    <section className="settings-section card" aria-labelledby="project-details-heading">
      <div className="settings-section__header">
        <div>
          <h2 className="settings-section__title" id="project-details-heading">
            Name and description
          </h2>
          <p className="settings-section__lead">
            The key, {project.key}, stays: items are already numbered with it.
          </p>
        </div>
      </div>
      <form className="form" onSubmit={submit} noValidate data-testid="project-details-form">
        {problems.form && <Alert>{problems.form}</Alert>}
        <TextField
          label="Name"
          name="name"
          autoComplete="off"
          value={name}
          maxLength={100}
          onChange={(event) => setName(event.target.value)}
          error={problems.name}
        />
        <TextArea
          label="Description"
          value={description}
          onChange={setDescription}
          error={problems.description}
          hint="Optional. Shown on the projects page."
        />
        <div className="form__actions">
          <Button type="submit" variant="primary" pending={mutations.update.isPending && mutations.update.variables.archived === undefined}>
            Save
          </Button>
          {saved && (
            <span className="muted" role="status">
              Saved.
            </span>
          )}
        </div>
      </form>
    </section>
  );
}

function TextArea(props: { label: string; value: string; onChange: (value: string) => void; error?: string; hint?: string }) {
  const id = 'project-description';
  const note = props.error ?? props.hint;
  return (
    <div className={['field', props.error && 'field--invalid'].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {props.label}
      </label>
      <textarea
        id={id}
        className="textarea project-description"
        rows={3}
        maxLength={10_000}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={note ? `${id}-note` : undefined}
      />
      {note && (
        <p className={props.error ? 'field__error' : 'field__hint'} id={`${id}-note`}>
          {note}
        </p>
      )}
    </div>
  );
}

function ArchiveSection({ project, mutations }: { project: Project; mutations: Mutations }) {
  const toast = useToast();
  const archived = Boolean(project.archivedAt);
  const pending = mutations.update.isPending && mutations.update.variables.archived !== undefined;

  async function toggle() {
    try {
      await mutations.update.mutateAsync({ archived: !archived });
      toast.show(archived ? `${project.name} is back in the project list.` : `${project.name} is archived.`, 'success');
    } catch (error) {
      toast.show(messageOf(error), 'error');
    }
  }

  return (
    <section className="settings-section card" aria-labelledby="project-archive-heading">
      <div className="settings-section__header">
        <div>
          <h2 className="settings-section__title" id="project-archive-heading">
            {archived ? 'Archived' : 'Archive'}
          </h2>
          <p className="settings-section__lead">
            {archived
              ? 'Unarchiving puts the project back in the side bar and the project list.'
              : 'Archiving hides a finished project from the side bar and the project list. Nothing is deleted, and you can unarchive it at any time.'}
          </p>
        </div>
        <Button onClick={() => void toggle()} pending={pending} data-testid="archive-project">
          {archived ? 'Unarchive project' : 'Archive project'}
        </Button>
      </div>
    </section>
  );
}
