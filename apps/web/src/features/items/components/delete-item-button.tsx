import type { Item, Project } from '@rytask/contracts';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { useToast } from '../../../components/toast';
import { messageOf } from '../../../lib/errors';
import { useDeleteItem } from '../api/items';

/** Moves the item to the project's trash, after asking; it can be restored from there. */
export function DeleteItemButton({ item, project }: { item: Item; project: Project }) {
  const [asking, setAsking] = useState(false);
  const remove = useDeleteItem();
  const toast = useToast();
  const [, navigate] = useLocation();

  return (
    <>
      <Button size="small" variant="danger" onClick={() => setAsking(true)}>
        Move to trash
      </Button>
      <Dialog open={asking} onClose={() => setAsking(false)} title={`Move ${item.key} to the trash?`}>
        <p>
          It disappears from the board and lists of {project.name}. You can restore it from the trash later; its
          number {item.key} stays reserved.
        </p>
        {remove.isError && <Alert>{messageOf(remove.error)}</Alert>}
        <div className="form__actions">
          <Button
            variant="primary"
            pending={remove.isPending}
            onClick={async () => {
              await remove.mutateAsync(item);
              setAsking(false);
              toast.show(`${item.key} is in the trash. Open it to restore it.`, 'success');
              navigate(`/projects/${project.key}`);
            }}
          >
            Move to trash
          </Button>
          <Button onClick={() => setAsking(false)}>Cancel</Button>
        </div>
      </Dialog>
    </>
  );
}
