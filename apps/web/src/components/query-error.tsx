import { messageOf } from '../lib/errors';
import { Alert } from './alert';
import { Button } from './button';

/** A failed load, in plain words, with a way to try again. */
export function QueryError({ error, retry, what }: { error: unknown; retry?: () => void; what: string }) {
  return (
    <Alert>
      <div className="alert__row">
        <span>
          Could not load {what}. {messageOf(error)}
        </span>
        {retry && (
          <Button variant="quiet" onClick={retry}>
            Try again
          </Button>
        )}
      </div>
    </Alert>
  );
}
