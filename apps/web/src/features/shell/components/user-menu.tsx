import type { SessionResponse } from '@rytask/contracts';
import { useId, useRef, useState } from 'react';
import { Link } from 'wouter';
import { useDismiss } from '../../../lib/use-dismiss';
import { switchOrganization, useMyOrganizations } from '../../auth/api/organizations';

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
        <OrganizationSwitcher open={open} />
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

/**
 * The person's other organizations, when there are any: switching starts a session there and
 * reloads the app at its start page (nothing of the other organization stays on screen).
 */
function OrganizationSwitcher({ open }: { open: boolean }) {
  const organizations = useMyOrganizations(open);
  const [switching, setSwitching] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = organizations.data ?? [];
  if (list.length < 2) return null;
  return (
    <div className="user-menu__organizations" data-testid="organization-switcher">
      <hr className="user-menu__rule" />
      <p className="user-menu__label" id="user-menu-organizations">
        Organizations
      </p>
      <ul aria-labelledby="user-menu-organizations">
        {list.map((organization) =>
          organization.current ? (
            <li key={organization.id} className="user-menu__organization" aria-current="true">
              <span className="user-menu__check" aria-hidden="true" />
              {organization.name}
              <span className="user-menu__organization-role">{roleLabel(organization.role)}</span>
            </li>
          ) : (
            <li key={organization.id}>
              <button
                type="button"
                className="user-menu__action user-menu__organization"
                disabled={switching !== null}
                aria-label={`Switch to ${organization.name} (${roleLabel(organization.role)})`}
                onClick={async () => {
                  setSwitching(organization.id);
                  setError(null);
                  try {
                    await switchOrganization(organization.id);
                    window.location.assign('/');
                  } catch (problem) {
                    setSwitching(null);
                    setError(problem instanceof Error ? problem.message : 'Could not switch organization.');
                  }
                }}
              >
                <span className="user-menu__check" aria-hidden="true" />
                {switching === organization.id ? `Switching to ${organization.name}…` : organization.name}
                <span className="user-menu__organization-role">{roleLabel(organization.role)}</span>
              </button>
            </li>
          ),
        )}
      </ul>
      {error && (
        <p className="user-menu__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
