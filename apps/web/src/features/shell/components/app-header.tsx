import type { SessionResponse } from '@rytask/contracts';
import { Button } from '../../../components/button';
import { Wordmark } from '../../../components/wordmark';
import { UserMenu } from './user-menu';

type AppHeaderProps = {
  session: SessionResponse;
  onChangePassword: () => void;
  onSignOut: () => void;
  signingOut: boolean;
};

export function AppHeader({ session, onChangePassword, onSignOut, signingOut }: AppHeaderProps) {
  return (
    <header className="app-header">
      <div className="app-header__context">
        <Wordmark />
        <span className="app-header__divider" aria-hidden="true" />
        <span className="app-header__org" data-testid="org-name" title={session.organization.name}>
          {session.organization.name}
        </span>
      </div>
      <div className="app-header__account">
        <UserMenu session={session} onChangePassword={onChangePassword} />
        <Button variant="quiet" onClick={onSignOut} pending={signingOut} data-testid="sign-out">
          Sign out
        </Button>
      </div>
    </header>
  );
}
