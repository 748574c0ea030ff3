import { Link } from 'wouter';
import { Button } from '../../../components/button';
import { Icon } from '../../../components/icon';
import { Wordmark } from '../../../components/wordmark';
import { useSessionContext } from '../../../app/session-context';
import { HeaderTimer } from '../../time/components/header-timer';
import { HeaderSearch } from './header-search';
import { ThemeToggle } from './theme-toggle';
import { UserMenu } from './user-menu';

export function AppHeader({ onQuickAdd, onShortcuts }: { onQuickAdd: () => void; onShortcuts: () => void }) {
  const { session, canEdit, signOut, signingOut } = useSessionContext();
  return (
    <header className="app-header">
      <div className="app-header__context">
        <Link href="/" className="app-header__home" aria-label="RyTask home">
          <Wordmark />
        </Link>
        <span className="app-header__divider" aria-hidden="true" />
        <span className="app-header__org" data-testid="org-name" title={session.organization.name}>
          {session.organization.name}
        </span>
      </div>
      <div className="app-header__tools">
        <HeaderSearch />
        {canEdit && (
          <Button variant="primary" onClick={onQuickAdd} data-testid="quick-add-button" aria-keyshortcuts="c">
            <Icon name="plus" />
            <span className="app-header__new-label">New item</span>
            <kbd className="kbd kbd--on-accent" aria-hidden="true">
              c
            </kbd>
          </Button>
        )}
        <HeaderTimer canEdit={canEdit} />
      </div>
      <div className="app-header__account">
        <ThemeToggle />
        <UserMenu session={session} onShortcuts={onShortcuts} />
        <Button variant="quiet" onClick={signOut} pending={signingOut} data-testid="sign-out">
          Sign out
        </Button>
      </div>
    </header>
  );
}
