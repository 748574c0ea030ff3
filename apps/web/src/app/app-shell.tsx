import { useState } from 'react';
import { Alert } from '../components/alert';
import { AppHeader } from '../features/shell/components/app-header';
import { ShortcutsDialog } from '../features/shell/components/shortcuts-dialog';
import { SideNav } from '../features/shell/components/side-nav';
import { QuickAddDialog } from '../features/quick-add/components/quick-add-dialog';
import { useHotkey } from '../lib/hotkeys';
import { useRovingHotkeys } from '../lib/roving';
import { AppRoutes } from './routes';
import { useSessionContext } from './session-context';

/** The signed-in frame: header, section nav, the current page, and the quick-add dialog. */
export function AppShell({ signOutError }: { signOutError?: string }) {
  const { canEdit } = useSessionContext();
  const [quickAddOpen, setQuickAddOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);

  useHotkey(
    'c',
    (event) => {
      event.preventDefault();
      setQuickAddOpen(true);
    },
    canEdit,
  );
  useHotkey('?', () => setShortcutsOpen(true));
  useRovingHotkeys();

  return (
    <div className="app-shell" data-testid="app-shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppHeader onQuickAdd={() => setQuickAddOpen(true)} onShortcuts={() => setShortcutsOpen(true)} />
      <div className="app-shell__body">
        <SideNav />
        <main className="app-shell__main" id="main" tabIndex={-1}>
          {signOutError && <Alert>{signOutError}</Alert>}
          <AppRoutes />
        </main>
      </div>
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
      {canEdit && <QuickAddDialog open={quickAddOpen} onClose={() => setQuickAddOpen(false)} />}
    </div>
  );
}
