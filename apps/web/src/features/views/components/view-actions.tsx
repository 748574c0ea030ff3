import type { SavedView } from '@rytask/contracts';
import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { useSessionContext } from '../../../app/session-context';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { TextField } from '../../../components/text-field';
import { useToast } from '../../../components/toast';
import { messageOf } from '../../../lib/errors';
import { useDeleteView, useRenameView } from '../api/views';

/**
 * The view buttons of a list or board header: "Save view" for anyone who may edit (`onSave` opens
 * the page's save dialog), and with a saved view open, the ones for that view.
 */
export function ViewActions({ view, onSave }: { view?: SavedView; onSave: () => void }) {
  const { canEdit } = useSessionContext();
  return (
    <>
      {view && <SavedViewActions view={view} />}
      {canEdit && (
        <Button onClick={onSave} data-testid="save-view">
          Save view
        </Button>
      )}
    </>
  );
}

/**
 * "Rename" and "Delete view" on a saved view's list or board. Its owner may do both; owners and
 * admins may also delete a shared one. After a delete the page shows the same list or board
 * without the view.
 */
function SavedViewActions({ view }: { view: SavedView }) {
  const { session, canManage } = useSessionContext();
  const [location, navigate] = useLocation();
  const deleteView = useDeleteView();
  const toast = useToast();
  const [renaming, setRenaming] = useState(false);
  const owner = view.owner.id === session.user.id;
  if (!owner && !(view.shared && canManage)) return null;
  return (
    <>
      {owner && (
        <Button variant="quiet" onClick={() => setRenaming(true)} data-testid="rename-view">
          Rename
        </Button>
      )}
      <Button
        variant="quiet"
        pending={deleteView.isPending}
        onClick={async () => {
          try {
            await deleteView.mutateAsync(view.id);
            toast.show(`Deleted the view “${view.name}”.`, 'success');
            navigate(location);
          } catch (error) {
            toast.show(`Could not delete the view. ${messageOf(error)}`, 'error');
          }
        }}
      >
        Delete view
      </Button>
      <Dialog open={renaming} onClose={() => setRenaming(false)} title="Rename this view" testId="rename-view-dialog">
        {renaming && <RenameForm view={view} onClose={() => setRenaming(false)} />}
      </Dialog>
    </>
  );
}

function RenameForm({ view, onClose }: { view: SavedView; onClose: () => void }) {
  const [name, setName] = useState(view.name);
  const [problem, setProblem] = useState<string>();
  const rename = useRenameView();
  const toast = useToast();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setProblem('Name the view');
    try {
      const renamed = await rename.mutateAsync({ id: view.id, name: name.trim() });
      toast.show(`Renamed the view to “${renamed.name}”.`, 'success');
      onClose();
    } catch (error) {
      setProblem(messageOf(error));
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField label="Name" autoFocus value={name} maxLength={80} onChange={(event) => setName(event.target.value)} error={problem} />
      <div className="form__actions">
        <Button type="submit" variant="primary" pending={rename.isPending}>
          Rename
        </Button>
        <Button onClick={onClose}>Cancel</Button>
      </div>
    </form>
  );
}
