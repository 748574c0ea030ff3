import { useState } from 'react';
import { useParams } from 'wouter';
import { Loading } from '../../../components/loading';
import { PageHeader } from '../../../components/page-header';
import { NotFoundPage } from '../../../app/not-found-page';
import { useMembers } from '../../items/api/reference-data';
import { Avatar } from '../../items/components/item-bits';
import { useProjects } from '../../projects/api/projects';
import { roleLabel } from '../../shell/components/user-menu';
import type { ListState } from '../list-filters';
import { ItemTable } from './item-table';

/** Where an @mention links to: who the person is and the open work assigned to them. */
export function PersonPage() {
  const { id = '' } = useParams<{ id: string }>();
  const members = useMembers();
  const projects = useProjects();
  const [sort, setSort] = useState<Pick<ListState, 'sort' | 'order'>>({ sort: 'updated', order: 'desc' });

  if (members.isPending || projects.isPending) return <Loading />;
  const person = members.data?.find((member) => member.id === id);
  if (!person) return <NotFoundPage what="person" />;

  const state: ListState = { ...sort, assignee: person.id, statusCategory: 'backlog,unstarted,started', groupBy: 'status' };
  return (
    <>
      <PageHeader
        eyebrow={<Avatar person={{ id: person.id, name: person.name, handle: person.handle }} size="medium" />}
        title={person.name}
      >
        <p className="muted">
          {person.handle ? `@${person.handle} · ` : ''}
          {roleLabel(person.role)}
          {person.deactivated ? ' · deactivated' : ''}
        </p>
      </PageHeader>
      <h2 className="item-section__title">Open items assigned to {person.name.split(' ')[0]}</h2>
      <ItemTable
        state={state}
        projects={projects.data ?? []}
        onSort={(next) => setSort({ sort: next.sort ?? sort.sort, order: next.order ?? sort.order })}
      />
    </>
  );
}
