import type { Item } from '@rytask/contracts';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { useSessionContext } from '../../../app/session-context';
import { messageOf } from '../../../lib/errors';
import { formatWhen } from '../../../lib/format';
import { useRestoreItem } from '../api/items';

/** Shown on a trashed item: it is read-only until restored. */
export function TrashBar({ item }: { item: Item }) {
  const { canEdit } = useSessionContext();
  const restore = useRestoreItem();
  return (
    <Alert tone="info" testId="trash-bar">
      <div className="alert__row">
        <span>
          This item is in the trash (moved {item.deletedAt ? formatWhen(item.deletedAt) : ''}).{' '}
          {restore.isError && messageOf(restore.error)}
        </span>
        {canEdit && (
          <Button variant="primary" size="small" pending={restore.isPending} onClick={() => restore.mutate(item)}>
            Restore
          </Button>
        )}
      </div>
    </Alert>
  );
}
