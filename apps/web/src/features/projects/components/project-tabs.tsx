import type { Project } from '@rytask/contracts';
import { useSessionContext } from '../../../app/session-context';
import { Icon } from '../../../components/icon';
import { NavLink } from '../../../components/nav-link';

/**
 * Board and list are two views of the same project; these tabs switch between them. Owners and
 * admins also get the project's settings.
 */
export function ProjectTabs({ project }: { project: Project }) {
  const { canManage } = useSessionContext();
  return (
    <nav className="view-tabs" aria-label={`${project.name} views`}>
      <NavLink href={`/projects/${project.key}`} className="view-tabs__tab">
        <Icon name="board" />
        Board
      </NavLink>
      <NavLink href={`/projects/${project.key}/list`} className="view-tabs__tab">
        <Icon name="list" />
        List
      </NavLink>
      {canManage && (
        <NavLink href={`/projects/${project.key}/settings`} className="view-tabs__tab" testId="project-settings-link">
          <Icon name="settings" />
          Settings
        </NavLink>
      )}
    </nav>
  );
}
