import type { SessionResponse } from '@rytask/contracts';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { AuthLayout } from './auth-layout';
import { ChangePasswordForm } from './change-password-form';

type Props = {
  session: SessionResponse;
  onChanged: (session: SessionResponse) => void;
  onSignOut: () => void;
  signingOut: boolean;
  signOutError?: string;
};

/** First sign-in with an install-generated password: nothing else is reachable until it is changed. */
export function ForcedPasswordChange(props: Props) {
  const { session, onChanged, onSignOut, signingOut, signOutError } = props;
  return (
    <AuthLayout
      footer={
        <p>
          Signed in as <strong>{session.user.email}</strong> · {session.organization.name}
        </p>
      }
    >
      {signOutError && <Alert>{signOutError}</Alert>}
      <ChangePasswordForm
        email={session.user.email}
        title="Choose a new password"
        lead={
          <p>
            Your password was generated at install; choose your own to continue. You will use it
            the next time you sign in.
          </p>
        }
        onChanged={onChanged}
        secondary={
          <Button variant="quiet" onClick={onSignOut} pending={signingOut}>
            Sign out
          </Button>
        }
      />
    </AuthLayout>
  );
}
