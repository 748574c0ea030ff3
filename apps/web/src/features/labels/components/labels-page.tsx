import type { Label } from '@rytask/contracts';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { EmptyState } from '../../../components/empty-state';
import { Icon } from '../../../components/icon';
import { Loading } from '../../../components/loading';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { TextField } from '../../../components/text-field';
import { useToast } from '../../../components/toast';
import { useSessionContext } from '../../../app/session-context';
import { fieldOf, messageOf } from '../../../lib/errors';
import { useLabels } from '../../items/api/reference-data';
import { LabelChip } from '../../items/components/item-bits';
import { useLabelMutations, type LabelColor } from '../api/labels';
import { ColorSwatches } from './color-swatches';
import { LabelRow } from './label-row';

/** `/settings/labels`: the organization's labels. Members and up create, rename, recolour and delete. */
export function LabelsPage() {
  const { canEdit, session } = useSessionContext();
  const labels = useLabels();
  const mutations = useLabelMutations();
  const [deleting, setDeleting] = useState<Label | null>(null);

  return (
    <>
      <PageHeader title="Labels" />
      <div className="settings-stack" data-testid="labels-page">
        {canEdit && <NewLabelForm mutations={mutations} />}
        <section className="settings-section card" aria-labelledby="labels-heading">
          <div className="settings-section__header">
            <div>
              <h2 className="settings-section__title" id="labels-heading">
                Labels in {session.organization.name}
              </h2>
              <p className="settings-section__lead">
                Every project shares them. Quick-add creates one when you type a new <code>#label</code>.
              </p>
            </div>
          </div>
          {labels.isPending ? (
            <Loading />
          ) : labels.isError ? (
            <QueryError error={labels.error} retry={() => void labels.refetch()} what="the labels" />
          ) : labels.data.length === 0 ? (
            <EmptyState title="No labels yet" testId="labels-empty">
              <p>Labels group work across projects, like “security” or “customer”.</p>
            </EmptyState>
          ) : canEdit ? (
            <ul className="label-rows" aria-label="Labels" data-testid="label-list">
              {labels.data.map((label) => (
                <LabelRow key={label.id} label={label} mutations={mutations} onDelete={() => setDeleting(label)} />
              ))}
            </ul>
          ) : (
            <ul className="label-cloud" aria-label="Labels" data-testid="label-list">
              {labels.data.map((label) => (
                <li key={label.id}>
                  <LabelChip label={label} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <Dialog open={Boolean(deleting)} onClose={() => setDeleting(null)} title={deleting ? `Delete the label “${deleting.name}”?` : 'Delete label'} testId="delete-label-dialog">
        {deleting && <DeleteLabel label={deleting} mutations={mutations} onClose={() => setDeleting(null)} />}
      </Dialog>
    </>
  );
}

type Mutations = ReturnType<typeof useLabelMutations>;

function NewLabelForm({ mutations }: { mutations: Mutations }) {
  const [name, setName] = useState('');
  const [color, setColor] = useState<LabelColor>('blue');
  const [problems, setProblems] = useState<{ name?: string; form?: string }>({});
  const toast = useToast();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setProblems({ name: 'Name the label' });
    setProblems({});
    try {
      const label = await mutations.create.mutateAsync({ name: name.trim(), color });
      toast.show(`Created the label “${label.name}”.`, 'success');
      setName('');
    } catch (error) {
      const field = fieldOf(error, ['name'] as const);
      setProblems(field ? { name: messageOf(error) } : { form: messageOf(error) });
    }
  }

  return (
    <section className="settings-section card" aria-labelledby="new-label-heading">
      <h2 className="settings-section__title" id="new-label-heading">
        New label
      </h2>
      <form className="form" onSubmit={submit} noValidate data-testid="new-label-form">
        {problems.form && <Alert>{problems.form}</Alert>}
        <div className="inline-form">
          <TextField
            label="Name"
            name="label-name"
            autoComplete="off"
            value={name}
            maxLength={50}
            onChange={(event) => setName(event.target.value)}
            error={problems.name}
            placeholder="security"
          />
          <div className="field">
            <span className="field__label" aria-hidden="true">
              Colour
            </span>
            <ColorSwatches legend="Colour of the new label" name="new-label-color" value={color} onChange={setColor} />
          </div>
          <Button type="submit" variant="primary" pending={mutations.create.isPending}>
            <Icon name="plus" />
            Create label
          </Button>
        </div>
      </form>
    </section>
  );
}

function DeleteLabel({ label, mutations, onClose }: { label: Label; mutations: Mutations; onClose: () => void }) {
  const [problem, setProblem] = useState<string>();
  const toast = useToast();
  async function confirm() {
    try {
      await mutations.remove.mutateAsync(label.id);
      toast.show(`Deleted the label “${label.name}”.`, 'success');
      onClose();
    } catch (error) {
      setProblem(messageOf(error));
    }
  }
  return (
    <div className="form">
      {problem && <Alert>{problem}</Alert>}
      <p>
        “{label.name}” will be taken off every item that has it, in every project. The items themselves stay as they are.
        This cannot be undone.
      </p>
      <div className="form__actions">
        <Button variant="danger" autoFocus pending={mutations.remove.isPending} onClick={() => void confirm()}>
          Delete label
        </Button>
        <Button onClick={onClose}>Cancel</Button>
      </div>
    </div>
  );
}
