import { Dialog } from '../../../components/dialog';

export function QuickAddDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="New item">
      <p>Quick-add arrives shortly.</p>
    </Dialog>
  );
}
