import type { Project } from '@rytask/contracts';
import { Icon } from '../../../components/icon';
import { NavLink } from '../../../components/nav-link';

/** Board and list are two views of the same project; these tabs switch between them. */
export function ProjectTabs({ project }: { project: Project }) {
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
    </nav>
  );
}
