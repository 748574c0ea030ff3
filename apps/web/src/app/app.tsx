import { Button } from '../components/button';
import { FullPageMessage } from '../components/full-page-message';
import { Spinner } from '../components/spinner';
import { AuthLayout } from '../features/auth/components/auth-layout';
import { ForcedPasswordChange } from '../features/auth/components/forced-password-change';
import { LoginForm } from '../features/auth/components/login-form';
import { useSession } from '../features/auth/hooks/use-session';
import { useSignOut } from '../features/auth/hooks/use-sign-out';
import { AppShell } from '../features/shell/components/app-shell';

/**
 * Picks the screen from the session: nothing is rendered as signed out until the API has said
 * so, which is what keeps signed-in people from seeing a flash of the login page.
 */
export function App() {
  const { state, reload, signedIn, signedOut } = useSession();
  const { signOut, pending: signingOut, error: signOutError } = useSignOut(signedOut);

  switch (state.status) {
    case 'loading':
      return (
        <FullPageMessage testId="app-loading">
          <div className="loading" role="status">
            <Spinner />
            <span>Loading RyTask…</span>
          </div>
        </FullPageMessage>
      );
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
        <AppShell
          session={state.session}
          onSessionChange={signedIn}
          onSignOut={() => void signOut()}
          signingOut={signingOut}
          signOutError={signOutError}
          focusOnMount={state.origin === 'action'}
        />
      );
  }
}
