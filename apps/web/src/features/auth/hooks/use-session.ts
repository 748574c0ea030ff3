import type { SessionResponse } from '@rytask/contracts';
import { useCallback, useEffect, useState } from 'react';
import { onApiError } from '../../../lib/api-client';
import { getSession } from '../api/get-session';

export type SessionState =
  | { status: 'loading' }
  /** The session could not be checked (server down, network gone): neither in nor out. */
  | { status: 'unavailable'; message: string }
  | { status: 'signed-out'; notice?: string }
  /** `origin` tells a fresh page load apart from signing in (or changing password) on this page. */
  | { status: 'signed-in'; session: SessionResponse; origin: 'load' | 'action' };

/** The one source of truth for who is signed in; every screen switch follows from it. */
export function useSession() {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      const session = await getSession();
      setState(session ? { status: 'signed-in', session, origin: 'load' } : { status: 'signed-out' });
    } catch (error) {
      setState({ status: 'unavailable', message: (error as Error).message });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  // Answers that concern the whole session can come from any request, so they are handled here.
  useEffect(
    () =>
      onApiError((error) => {
        setState((current) => {
          if (current.status !== 'signed-in') return current;
          if (error.code === 'unauthenticated') {
            return { status: 'signed-out', notice: 'Your session has ended. Sign in again to continue.' };
          }
          if (error.code === 'password_change_required') {
            const { session } = current;
            return {
              ...current,
              session: { ...session, user: { ...session.user, mustChangePassword: true } },
            };
          }
          return current;
        });
      }),
    [],
  );

  const signedIn = useCallback((session: SessionResponse) => {
    setState({ status: 'signed-in', session, origin: 'action' });
  }, []);
  const signedOut = useCallback((notice?: string) => {
    setState({ status: 'signed-out', notice });
  }, []);

  return { state, reload: load, signedIn, signedOut };
}
