import type { Project } from '@rytask/contracts';
import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { TextField } from '../../../components/text-field';
import { useToast } from '../../../components/toast';
import { messageOf } from '../../../lib/errors';
import { useCreateView } from '../../views/api/views';
import { viewHref } from '../../views/view-href';
import { toViewQuery, type ListState } from '../list-filters';

type Props = {
  open: boolean;
  onClose: () => void;
  state: ListState;
  project?: Project;
  /** 'board': saved from a project's board, so the view opens there (`/projects/KEY?view=…`). */
  layout?: 'list' | 'board';
};

/** Saves the list's (or board's) filters, sorting and grouping under a name, for oneself or for everyone. */
export function SaveViewDialog({ open, onClose, state, project, layout }: Props) {
  return (
    <Dialog open={open} onClose={onClose} title="Save this view" testId="save-view-dialog">
      <SaveViewForm onClose={onClose} state={state} project={project} layout={layout} />
    </Dialog>
  );
}

function SaveViewForm({ onClose, state, project, layout = 'list' }: Omit<Props, 'open'>) {
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [problem, setProblem] = useState<string>();
  const create = useCreateView();
  const toast = useToast();
  const [, navigate] = useLocation();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setProblem('Name the view');
    try {
      const view = await create.mutateAsync({
        name: name.trim(),
        shared,
        projectId: project?.id ?? null,
        query: toViewQuery(state, project?.id, layout),
      });
      toast.show(`Saved “${view.name}”. It is in the side bar now.`, 'success');
      onClose();
      navigate(viewHref(view, project ? [project] : undefined));
    } catch (error) {
      setProblem(messageOf(error));
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <p className="form__lead">
        {layout === 'board' ? 'The current filters are saved' : 'The current filters, sorting and grouping are saved'}
        {project ? ` for ${project.name}` : ''}
        {layout === 'board' ? ', and the view opens on the board.' : '.'}
      </p>
      <TextField
        label="Name"
        autoFocus
        value={name}
        maxLength={80}
        onChange={(event) => setName(event.target.value)}
        error={problem}
        placeholder="Urgent bugs"
      />
      <fieldset className="choice-group">
        <legend className="field__label">Who sees it</legend>
        <label className="choice">
          <input type="radio" name="shared" checked={!shared} onChange={() => setShared(false)} />
          <span>
            <strong>Only me</strong>
            <span className="choice__hint">A personal view in your side bar.</span>
          </span>
        </label>
        <label className="choice">
          <input type="radio" name="shared" checked={shared} onChange={() => setShared(true)} />
          <span>
            <strong>Everyone in the organization</strong>
            <span className="choice__hint">Shared: it appears in everyone’s side bar.</span>
          </span>
        </label>
      </fieldset>
      {create.isError && !problem && <Alert>{messageOf(create.error)}</Alert>}
      <div className="form__actions">
        <Button type="submit" variant="primary" pending={create.isPending}>
          Save view
        </Button>
        <Button onClick={onClose}>Cancel</Button>
      </div>
    </form>
  );
}
