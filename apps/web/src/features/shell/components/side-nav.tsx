import type { SavedView } from '@rytask/contracts';
import type { ReactNode } from 'react';
import { Icon } from '../../../components/icon';
import { NavLink } from '../../../components/nav-link';
import { useSessionContext } from '../../../app/session-context';
import { useInbox } from '../../inbox/api/inbox';
import { useProjects } from '../../projects/api/projects';
import { useSavedViews } from '../../views/api/views';
import { viewHref } from '../../views/view-href';

/** The app's sections, the organization's projects and the saved views. */
export function SideNav() {
  const { canManage } = useSessionContext();
  const projects = useProjects();
  const views = useSavedViews();
  const inbox = useInbox();
  const unread = inbox.data?.unread ?? 0;
  const active = projects.data?.filter((project) => !project.archivedAt) ?? [];

  return (
    <nav className="side-nav" aria-label="Main">
      <ul className="side-nav__list">
        <li>
          <NavLink href="/" className="side-nav__item">
            <Icon name="projects" className="side-nav__icon" />
            <span className="side-nav__label">Projects</span>
          </NavLink>
        </li>
        <li>
          <NavLink href="/list?builtIn=my-work" className="side-nav__item">
            <Icon name="mywork" className="side-nav__icon" />
            <span className="side-nav__label">My work</span>
          </NavLink>
        </li>
        <li>
          <NavLink
            href="/inbox"
            className="side-nav__item"
            testId="nav-inbox"
            ariaLabel={unread > 0 ? `Inbox, ${unread} unread` : 'Inbox'}
          >
            <Icon name="inbox" className="side-nav__icon" />
            <span className="side-nav__label">Inbox</span>
            {unread > 0 && (
              <span className="count-badge" data-testid="inbox-unread" aria-hidden="true">
                {unread > 99 ? '99+' : unread}
              </span>
            )}
          </NavLink>
        </li>
        <li>
          <NavLink href="/search" className="side-nav__item">
            <Icon name="search" className="side-nav__icon" />
            <span className="side-nav__label">Search</span>
          </NavLink>
        </li>
        <li>
          <NavLink href="/reports" className="side-nav__item" testId="nav-reports">
            <Icon name="chart" className="side-nav__icon" />
            <span className="side-nav__label">Reports</span>
          </NavLink>
        </li>
        <li>
          <NavLink href="/my-week" className="side-nav__item" testId="nav-my-week">
            <Icon name="clock" className="side-nav__icon" />
            <span className="side-nav__label">My week</span>
          </NavLink>
        </li>
      </ul>

      {active.length > 0 && (
        <NavSection title="Projects">
          {active.map((project) => (
            <li key={project.id}>
              <NavLink href={`/projects/${project.key}`} className="side-nav__item" prefix>
                <span className="key-chip" aria-hidden="true">
                  {project.key}
                </span>
                <span className="side-nav__label">{project.name}</span>
              </NavLink>
            </li>
          ))}
        </NavSection>
      )}

      {views.data && views.data.length > 0 && (
        <NavSection title="Saved views">
          {views.data.map((view) => (
            <li key={view.id}>
              <NavLink href={viewHref(view, projects.data)} className="side-nav__item">
                <Icon name="view" className="side-nav__icon" />
                <span className="side-nav__label">{view.name}</span>
                <ViewScope view={view} />
              </NavLink>
            </li>
          ))}
        </NavSection>
      )}

      <NavSection title="Settings">
        <li>
          <NavLink href="/settings/members" className="side-nav__item">
            <Icon name="members" className="side-nav__icon" />
            <span className="side-nav__label">Members</span>
          </NavLink>
        </li>
        <li>
          <NavLink href="/settings/labels" className="side-nav__item">
            <Icon name="tag" className="side-nav__icon" />
            <span className="side-nav__label">Labels</span>
          </NavLink>
        </li>
        {canManage && (
          <li>
            <NavLink href="/settings/organization" className="side-nav__item">
              <Icon name="building" className="side-nav__icon" />
              <span className="side-nav__label">Organization</span>
            </NavLink>
          </li>
        )}
        <li>
          <NavLink href="/settings/tokens" className="side-nav__item">
            <Icon name="key" className="side-nav__icon" />
            <span className="side-nav__label">Access tokens</span>
          </NavLink>
        </li>
        <li>
          <NavLink href="/settings/profile" className="side-nav__item">
            <Icon name="profile" className="side-nav__icon" />
            <span className="side-nav__label">Profile</span>
          </NavLink>
        </li>
      </NavSection>
    </nav>
  );
}

function NavSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="side-nav__section">
      <h2 className="side-nav__heading">{title}</h2>
      <ul className="side-nav__list">{children}</ul>
    </div>
  );
}

function ViewScope({ view }: { view: SavedView }) {
  return view.shared ? (
    <span className="badge" title="Shared with the organization">
      Shared
    </span>
  ) : null;
}
