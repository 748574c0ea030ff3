import type { SessionResponse } from '@rytask/contracts';
import { useId, useRef, useState } from 'react';
import { Link } from 'wouter';
import { useDismiss } from '../../../lib/use-dismiss';

const ROLE_LABELS: Record<SessionResponse['role'], string> = {
  OWNER: 'Owner',
  ADMIN: 'Admin',
  MEMBER: 'Member',
  VIEWER: 'Viewer',
};

export function roleLabel(role: SessionResponse['role']): string {
  return ROLE_LABELS[role];
}

function initialsOf(name: string, email: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 0 ? words.slice(0, 2).map((word) => word[0]) : [email[0]];
  return letters.join('').toUpperCase();
}

type UserMenuProps = {
  session: SessionResponse;
  onShortcuts: () => void;
};

/**
 * Who is signed in, with account actions behind a disclosure button. A disclosure (not an ARIA
 * menu) because it holds only a couple of ordinary buttons: Tab reaches them, Escape closes.
 */
export function UserMenu({ session, onShortcuts }: UserMenuProps) {
  const { user, role } = session;
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useDismiss(open, () => setOpen(false), rootRef, buttonRef);

  const displayName = user.name.trim() || user.email;
  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`Account: ${displayName}, ${roleLabel(role)}`}
        onClick={() => setOpen((value) => !value)}
        data-testid="user-menu-button"
      >
        <span className="avatar" aria-hidden="true">
          {initialsOf(user.name, user.email)}
        </span>
        <span className="user-menu__who" aria-hidden="true">
          <span className="user-menu__name" data-testid="user-name">
            {displayName}
          </span>
          <span className="user-menu__role" data-testid="user-role">
            {roleLabel(role)}
          </span>
        </span>
      </button>
      <div className="user-menu__panel card" id={panelId} hidden={!open}>
        <p className="user-menu__label">Signed in as</p>
        <p className="user-menu__email" data-testid="user-email">
          {user.email}
        </p>
        <p className="user-menu__meta">
          {roleLabel(role)} · {session.organization.name}
        </p>
        <hr className="user-menu__rule" />
        <Link href="/settings/profile" className="user-menu__action" onClick={() => setOpen(false)}>
          Profile and password
        </Link>
        <Link href="/settings/tokens" className="user-menu__action" onClick={() => setOpen(false)}>
          Access tokens
        </Link>
        <button
          type="button"
          className="user-menu__action"
          onClick={() => {
            setOpen(false);
            onShortcuts();
          }}
        >
          Keyboard shortcuts <kbd className="kbd">?</kbd>
        </button>
      </div>
    </div>
  );
}
