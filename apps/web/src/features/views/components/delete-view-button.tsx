import type { SavedView } from '@rytask/contracts';
import { useLocation } from 'wouter';
import { useSessionContext } from '../../../app/session-context';
import { Button } from '../../../components/button';
import { useToast } from '../../../components/toast';
import { messageOf } from '../../../lib/errors';
import { useDeleteView } from '../api/views';

/**
 * "Delete view" on a saved view's list or board, for its owner (and owners and admins for a shared
 * one); afterwards the page shows the same list or board without the view.
 */
export function DeleteViewButton({ view }: { view: SavedView }) {
  const { session, canManage } = useSessionContext();
  const [location, navigate] = useLocation();
  const deleteView = useDeleteView();
  const toast = useToast();
  if (view.owner.id !== session.user.id && !(view.shared && canManage)) return null;
  return (
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
  );
}
