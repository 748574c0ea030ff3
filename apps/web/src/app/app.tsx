import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { useLocation, useRoute } from 'wouter';
import { Button } from '../components/button';
import { FullPageMessage } from '../components/full-page-message';
import { Spinner } from '../components/spinner';
import { AuthLayout } from '../features/auth/components/auth-layout';
import { ForcedPasswordChange } from '../features/auth/components/forced-password-change';
import { LoginForm } from '../features/auth/components/login-form';
import { useSession } from '../features/auth/hooks/use-session';
import { useSignOut } from '../features/auth/hooks/use-sign-out';
import { InviteAcceptPage } from '../features/invites/components/invite-accept-page';
import { AppShell } from './app-shell';
import { SessionProvider } from './session-context';

/**
 * Picks the screen from the session: nothing is rendered as signed out until the API has said
 * so, which is what keeps signed-in people from seeing a flash of the login page. Invite links
 * are public: they open whether or not someone is signed in.
 */
export function App() {
  const { state, reload, signedIn, signedOut } = useSession();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [isInvite, inviteParams] = useRoute('/invite/:token');

  // Cached data belongs to one person in one organization. When that changes, the cache is
  // dropped before anything renders for the new identity (in render, not in an effect: an effect
  // would run after the new pages had already subscribed to the old cache), and the shell is
  // remounted (`key`) so nothing keeps watching the old queries.
  const who = state.status === 'signed-in' ? `${state.session.user.id}/${state.session.organization.id}` : '';
  const lastWho = useRef(who);
  if (who && lastWho.current && who !== lastWho.current) queryClient.clear();
  if (who) lastWho.current = who;

  const onSignedOut = useCallback(
    (notice?: string) => {
      queryClient.clear();
      lastWho.current = '';
      signedOut(notice);
    },
    [signedOut, queryClient],
  );
  const { signOut, pending: signingOut, error: signOutError } = useSignOut(onSignedOut);

  if (state.status === 'loading') {
    return (
      <FullPageMessage testId="app-loading">
        <div className="loading" role="status">
          <Spinner />
          <span>Loading RyTask…</span>
        </div>
      </FullPageMessage>
    );
  }

  if (isInvite) {
    return (
      <InviteAcceptPage
        token={inviteParams.token}
        session={state.status === 'signed-in' ? state.session : null}
        onAccepted={(session) => {
          signedIn(session);
          navigate('/', { replace: true });
        }}
      />
    );
  }

  switch (state.status) {
    case 'unavailable':
      return (
        <FullPageMessage testId="app-unavailable">
          <div className="card unavailable" role="alert">
            <h1 className="form__title">RyTask is not reachable</h1>
            <p>{state.message}</p>
            <Button variant="primary" onClick={() => void reload()}>
              Try again
            </Button>
          </div>
        </FullPageMessage>
      );
    case 'signed-out':
      return (
        <AuthLayout>
          <LoginForm onSignedIn={signedIn} notice={state.notice} />
        </AuthLayout>
      );
    case 'signed-in':
      if (state.session.user.mustChangePassword) {
        return (
          <ForcedPasswordChange
            session={state.session}
            onChanged={signedIn}
            onSignOut={() => void signOut()}
            signingOut={signingOut}
            signOutError={signOutError}
          />
        );
      }
      return (
        <SessionProvider
          key={who}
          session={state.session}
          onSessionChange={signedIn}
          signOut={() => void signOut()}
          signingOut={signingOut}
        >
          <AppShell signOutError={signOutError} />
        </SessionProvider>
      );
  }
}
