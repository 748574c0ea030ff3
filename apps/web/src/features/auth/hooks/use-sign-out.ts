import { useCallback, useState } from 'react';
import { messageOf } from '../../../lib/errors';
import { logout } from '../api/logout';

/** Ends the session on the server first: the screen only says "signed out" once it is true. */
export function useSignOut(onSignedOut: (notice: string) => void) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  const signOut = useCallback(async () => {
    setPending(true);
    setError(undefined);
    try {
      await logout();
      onSignedOut('You have signed out.');
    } catch (failure) {
      setError(`Could not sign out. ${messageOf(failure)}`);
    } finally {
      setPending(false);
    }
  }, [onSignedOut]);

  return { signOut, pending, error };
}
