import type { SessionResponse } from '@rytask/contracts';
import { useEffect, useRef, useState } from 'react';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { ChangePasswordForm } from '../../auth/components/change-password-form';
import { AppHeader } from './app-header';
import { ProjectsEmptyState } from './projects-empty-state';
import { SideNav } from './side-nav';

type AppShellProps = {
  session: SessionResponse;
  onSessionChange: (session: SessionResponse) => void;
  onSignOut: () => void;
  signingOut: boolean;
  signOutError?: string;
  /** Move focus to the page heading, so screen readers hear where sign-in led. */
  focusOnMount?: boolean;
};

type View = 'projects' | 'change-password';

/** The signed-in frame: header, section nav and the current page. */
export function AppShell(props: AppShellProps) {
  const { session, onSessionChange, onSignOut, signingOut, signOutError, focusOnMount } = props;
  const [view, setView] = useState<View>('projects');
  const [notice, setNotice] = useState<string>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moveFocus = useRef(focusOnMount ?? false);

  useEffect(() => {
    if (moveFocus.current) headingRef.current?.focus();
    moveFocus.current = true; // every later view switch moves focus to its heading
  }, [view]);

  return (
    <div className="app-shell" data-testid="app-shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppHeader
        session={session}
        onChangePassword={() => {
          setNotice(undefined);
          setView('change-password');
        }}
        onSignOut={onSignOut}
        signingOut={signingOut}
      />
      <div className="app-shell__body">
        <SideNav />
        <main className="app-shell__main" id="main" tabIndex={-1}>
          {signOutError && <Alert>{signOutError}</Alert>}
          {notice && <Alert tone="success">{notice}</Alert>}
          {view === 'projects' ? (
            <>
              <div className="page-header">
                <h1 className="page-header__title" ref={headingRef} tabIndex={-1}>
                  Projects
                </h1>
              </div>
              <ProjectsEmptyState />
            </>
          ) : (
            <section className="card settings-card">
              <ChangePasswordForm
                email={session.user.email}
                title="Change password"
                lead={<p>Enter your current password, then the new one twice.</p>}
                onChanged={(next) => {
                  onSessionChange(next);
                  setNotice('Your password has been changed.');
                  setView('projects');
                }}
                secondary={<Button onClick={() => setView('projects')}>Cancel</Button>}
              />
            </section>
          )}
        </main>
      </div>
    </div>
  );
}
