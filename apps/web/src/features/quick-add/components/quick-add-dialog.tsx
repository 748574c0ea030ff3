import type { Project } from '@rytask/contracts';
import { parseQuickAdd, type QuickAddResult } from '@rytask/contracts/quick-add';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { messageOf } from '../../../lib/errors';
import { useProjects } from '../../projects/api/projects';
import { useQuickAdd, type QuickAddResponse } from '../api/quick-add';
import { useQuickAddContext } from '../use-quick-add-context';
import { HighlightedInput } from './highlighted-input';
import { ParsedSummary } from './parsed-summary';

const LAST_PROJECT_KEY = 'rytask.quickAdd.project';

/** The project quick-add starts in: the one on screen, else the last one used, else the first. */
function useDefaultProject(projects: Project[]): Project | undefined {
  const [location] = useLocation();
  const fromPath = /^\/projects\/([^/]+)/.exec(location)?.[1]?.toUpperCase() ?? /^\/items\/([A-Z0-9]+)-/i.exec(location)?.[1]?.toUpperCase();
  let remembered: string | null = null;
  try {
    remembered = localStorage.getItem(LAST_PROJECT_KEY);
  } catch {
    // Storage blocked: no memory, no harm.
  }
  return (
    projects.find((project) => project.key === fromPath) ??
    projects.find((project) => project.id === remembered) ??
    projects[0]
  );
}

export function QuickAddDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="New item" className="dialog--wide dialog--top" testId="quick-add-dialog">
      <QuickAddForm onClose={onClose} />
    </Dialog>
  );
}

function QuickAddForm({ onClose }: { onClose: () => void }) {
  const projects = useProjects();
  const active = useMemo(() => projects.data?.filter((project) => !project.archivedAt) ?? [], [projects.data]);
  const fallback = useDefaultProject(active);
  const [projectId, setProjectId] = useState<string>();
  const [text, setText] = useState('');
  const [result, setResult] = useState<QuickAddResponse>();
  const context = useQuickAddContext();
  const quickAdd = useQuickAdd();
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const ids = { input: useId(), help: useId(), project: useId() };
  const project = active.find((candidate) => candidate.id === projectId) ?? fallback;

  useEffect(() => inputRef.current?.focus(), []);

  // The same parser as the server, run on every keystroke for the live highlighting.
  const parsed: QuickAddResult | null = useMemo(() => {
    if (!text.trim()) return null;
    try {
      return parseQuickAdd(text, context);
    } catch {
      return null;
    }
  }, [text, context]);

  async function submit() {
    if (!project || !text.trim() || quickAdd.isPending) return;
    try {
      const answer = await quickAdd.mutateAsync({ projectId: project.id, text });
      try {
        localStorage.setItem(LAST_PROJECT_KEY, project.id);
      } catch {
        // Not remembered; fine.
      }
      setResult(answer);
      setText('');
      inputRef.current?.focus();
    } catch {
      // Shown from the mutation's state below.
    }
  }

  if (projects.isPending) return <p className="muted">Loading projects…</p>;
  if (active.length === 0) {
    return (
      <p>
        There is no project to add to yet. <Link href="/" onClick={onClose}>Create a project</Link> first.
      </p>
    );
  }

  return (
    <form
      className="quick-add"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="quick-add__project">
        <label htmlFor={ids.project} className="field__label">
          Project
        </label>
        <select
          id={ids.project}
          className="select"
          value={project?.id}
          onChange={(event) => setProjectId(event.target.value)}
          data-testid="quick-add-project"
        >
          {active.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.key} · {candidate.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.input} className="field__label">
          What needs doing?
        </label>
        <HighlightedInput
          id={ids.input}
          ref={inputRef}
          value={text}
          onChange={(value) => {
            setText(value);
            if (quickAdd.isError) quickAdd.reset();
          }}
          parsed={parsed}
          describedBy={ids.help}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void submit();
            }
          }}
        />
        <p className="field__hint" id={ids.help}>
          <code>@person</code> assigns, <code>#label</code> tags, <code>!high</code> sets the priority,{' '}
          <code>^friday</code> the due date, <code>~2h</code> the estimate. Enter creates.
        </p>
      </div>

      {parsed && <ParsedSummary parsed={parsed} context={context} live />}
      {quickAdd.isError && <Alert>{messageOf(quickAdd.error)}</Alert>}
      {result?.item && (
        <div className="quick-add__result" role="status" data-testid="quick-add-result">
          <p>
            Created{' '}
            <Link href={`/items/${result.item.key}`} onClick={onClose} data-testid="quick-add-created">
              {result.item.key} {result.item.title}
            </Link>
            .
          </p>
          {result.understood.length > 0 && (
            <p className="muted">
              Understood: {result.understood.map((token) => `${token.text} → ${token.value}`).join(', ')}.
            </p>
          )}
          {result.problems.length > 0 && (
            <ul className="quick-add__problems" data-testid="quick-add-problems">
              {result.problems.map((problem, index) => (
                <li key={index}>{problem.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="form__actions">
        <Button type="submit" variant="primary" pending={quickAdd.isPending} disabled={!text.trim()}>
          {quickAdd.isPending ? 'Creating…' : 'Create item'}
        </Button>
        <Button onClick={onClose}>Close</Button>
      </div>
    </form>
  );
}
