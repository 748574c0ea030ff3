import type { Member, Role } from '@rytask/contracts';
import { ROLES } from '../roles';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { Loading } from '../../../components/loading';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { useSessionContext } from '../../../app/session-context';
import { messageOf } from '../../../lib/errors';
import { roleLabel } from '../../shell/components/user-menu';
import { useMembers } from '../../items/api/reference-data';
import { useMemberMutations } from '../api/members';
import { InvitesSection } from './invites-section';

/** Everyone in the organization; owners and admins change roles, deactivate and invite. */
export function MembersPage() {
  const { canManage, role: myRole, session } = useSessionContext();
  const members = useMembers();
  const { changeRole, setActive } = useMemberMutations();
  const failure = changeRole.error ?? setActive.error;

  // Only an owner makes or changes owners.
  const mayChange = (member: Member) => canManage && (myRole === 'OWNER' || member.role !== 'OWNER');
  const rolesFor = (member: Member) => ROLES.filter((role) => myRole === 'OWNER' || role !== 'OWNER' || member.role === 'OWNER');

  return (
    <>
      <PageHeader title="Members" />
      <div className="settings-stack">
        <section className="settings-section card" aria-labelledby="members-heading">
          <div className="settings-section__header">
            <div>
              <h2 className="settings-section__title" id="members-heading">
                People in {session.organization.name}
              </h2>
              <p className="settings-section__lead">
                Viewers read, members work, admins also manage people and projects, owners manage everything.
              </p>
            </div>
          </div>
          {failure && <Alert>{messageOf(failure)}</Alert>}
          {members.isPending ? (
            <Loading />
          ) : members.isError ? (
            <QueryError error={members.error} retry={() => void members.refetch()} what="the members" />
          ) : (
            <div className="table-scroll">
              <table className="plain-table" data-testid="members-table">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Email</th>
                    <th scope="col">Role</th>
                    <th scope="col">Status</th>
                    {canManage && (
                      <th scope="col" className="plain-table__actions">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {members.data.map((member) => (
                    <tr key={member.id} className={member.deactivated ? 'row--inactive' : undefined} data-testid={`member-${member.email}`}>
                      <td>
                        <strong>{member.name}</strong>
                        {member.handle && <span className="muted"> @{member.handle}</span>}
                        {member.id === session.user.id && <span className="tag tag--accent"> you</span>}
                      </td>
                      <td>{member.email}</td>
                      <td>
                        {mayChange(member) && !member.deactivated ? (
                          <select
                            className="select"
                            aria-label={`Role of ${member.name}`}
                            value={member.role}
                            onChange={(event) => changeRole.mutate({ id: member.id, role: event.target.value as Role })}
                          >
                            {rolesFor(member).map((role) => (
                              <option key={role} value={role}>
                                {roleLabel(role)}
                              </option>
                            ))}
                          </select>
                        ) : (
                          roleLabel(member.role)
                        )}
                      </td>
                      <td>{member.deactivated ? <span className="tag">Deactivated</span> : 'Active'}</td>
                      {canManage && (
                        <td className="plain-table__actions">
                          {mayChange(member) && member.id !== session.user.id && (
                            <Button
                              size="small"
                              variant={member.deactivated ? 'secondary' : 'danger'}
                              onClick={() => setActive.mutate({ id: member.id, active: member.deactivated })}
                              aria-label={`${member.deactivated ? 'Reactivate' : 'Deactivate'} ${member.name}`}
                            >
                              {member.deactivated ? 'Reactivate' : 'Deactivate'}
                            </Button>
                          )}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        {canManage && <InvitesSection />}
      </div>
    </>
  );
}
