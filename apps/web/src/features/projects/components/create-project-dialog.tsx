import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { TextField } from '../../../components/text-field';
import { useToast } from '../../../components/toast';
import { fieldOf, messageOf } from '../../../lib/errors';
import { useCreateProject } from '../api/projects';
import { keyProblem, suggestKey } from '../project-key';

type Problems = { key?: string; name?: string; form?: string };

export function CreateProjectDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="New project" testId="create-project-dialog">
      <CreateProjectForm onClose={onClose} />
    </Dialog>
  );
}

/** Name first (the key is suggested from it until the person edits the key themselves). */
function CreateProjectForm({ onClose }: { onClose: () => void }) {
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [keyEdited, setKeyEdited] = useState(false);
  const [problems, setProblems] = useState<Problems>({});
  const create = useCreateProject();
  const toast = useToast();
  const [, navigate] = useLocation();

  const liveKeyProblem = key ? keyProblem(key) : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Problems = {};
    if (!name.trim()) found.name = 'Give the project a name';
    const problem = keyProblem(key);
    if (problem) found.key = problem;
    setProblems(found);
    if (found.name || found.key) return;
    try {
      const project = await create.mutateAsync({ key, name: name.trim() });
      toast.show(`Project ${project.key} created.`, 'success');
      onClose();
      navigate(`/projects/${project.key}`);
    } catch (error) {
      const field = fieldOf(error, ['key', 'name'] as const);
      setProblems(field ? { [field]: messageOf(error) } : { form: messageOf(error) });
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="create-project-form">
      {problems.form && <Alert>{problems.form}</Alert>}
      <TextField
        label="Name"
        name="name"
        autoFocus
        autoComplete="off"
        value={name}
        maxLength={100}
        onChange={(event) => {
          setName(event.target.value);
          if (!keyEdited) setKey(suggestKey(event.target.value));
        }}
        error={problems.name}
        placeholder="Operations"
      />
      <TextField
        label="Key"
        name="key"
        autoComplete="off"
        spellCheck={false}
        value={key}
        maxLength={10}
        onChange={(event) => {
          setKeyEdited(true);
          setKey(event.target.value.toUpperCase().replace(/\s/g, ''));
        }}
        error={problems.key ?? liveKeyProblem}
        hint={key ? `Items will be numbered ${key}-1, ${key}-2, …` : 'Starts items’ numbers, like OPS-12. It cannot change later.'}
        className="field--key"
      />
      <div className="form__actions">
        <Button type="submit" variant="primary" pending={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create project'}
        </Button>
        <Button onClick={onClose}>Cancel</Button>
      </div>
    </form>
  );
}
