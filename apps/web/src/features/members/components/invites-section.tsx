import type { CreatedInviteResponse, Role } from '@rytask/contracts';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { CopyField } from '../../../components/copy-field';
import { Loading } from '../../../components/loading';
import { useSessionContext } from '../../../app/session-context';
import { messageOf } from '../../../lib/errors';
import { formatExact, formatWhen } from '../../../lib/format';
import { roleLabel } from '../../shell/components/user-menu';
import { useCreateInvite, useInvites, useRevokeInvite } from '../api/members';
import { ROLE_HINT, ROLES } from '../roles';

/** Invite links: pick a role, get a link to send (shown once), see and revoke pending ones. */
export function InvitesSection() {
  const { role: myRole } = useSessionContext();
  const invites = useInvites(true);
  const create = useCreateInvite();
  const revoke = useRevokeInvite();
  const [role, setRole] = useState<Role>('MEMBER');
  const [email, setEmail] = useState('');
  const [created, setCreated] = useState<CreatedInviteResponse>();
  const roles = ROLES.filter((candidate) => candidate !== 'OWNER' || myRole === 'OWNER');

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      setCreated(await create.mutateAsync({ role, email: email.trim() || undefined }));
      setEmail('');
    } catch {
      // Shown below from the mutation's state.
    }
  }

  return (
    <section className="settings-section card" aria-labelledby="invites-heading" data-testid="invites">
      <div>
        <h2 className="settings-section__title" id="invites-heading">
          Invite someone
        </h2>
        <p className="settings-section__lead">
          Create a link and send it to them: it works once, for 7 days. Whoever opens it chooses their name and password.
        </p>
      </div>
      <form className="inline-form" onSubmit={submit} noValidate>
        <div className="field">
          <label className="field__label" htmlFor="invite-role">
            Role
          </label>
          <select
            id="invite-role"
            className="select field__select"
            value={role}
            onChange={(event) => setRole(event.target.value as Role)}
            data-testid="invite-role"
          >
            {roles.map((candidate) => (
              <option key={candidate} value={candidate}>
                {roleLabel(candidate)} — {ROLE_HINT[candidate]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="invite-email">
            Email <span className="muted">(optional, a reminder for you)</span>
          </label>
          <input
            id="invite-email"
            type="email"
            className="field__input"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            placeholder="sam@example.com"
          />
        </div>
        <Button type="submit" variant="primary" pending={create.isPending} data-testid="create-invite">
          Create invite link
        </Button>
      </form>
      {create.isError && <Alert>{messageOf(create.error)}</Alert>}
      {created && (
        <div className="secret-box" data-testid="invite-created">
          <p>
            <strong>Invite link for a {roleLabel(created.role).toLowerCase()}</strong>
            {created.email && <> ({created.email})</>}. Copy it now: it is shown only once.
          </p>
          <CopyField label="Invite link" value={created.url} testId="invite-url" />
        </div>
      )}

      <h3 className="item-section__title">Pending invites</h3>
      {revoke.isError && <Alert>{messageOf(revoke.error)}</Alert>}
      {invites.isPending ? (
        <Loading />
      ) : invites.isError ? (
        <Alert>Could not load the invites. {messageOf(invites.error)}</Alert>
      ) : invites.data.length === 0 ? (
        <p className="muted">No pending invites.</p>
      ) : (
        <table className="plain-table" data-testid="pending-invites">
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">For</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col" className="plain-table__actions">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invites.data.map((invite) => (
              <tr key={invite.id}>
                <td>{roleLabel(invite.role)}</td>
                <td>{invite.email ?? <span className="muted">anyone with the link</span>}</td>
                <td title={formatExact(invite.createdAt)}>
                  {formatWhen(invite.createdAt)}
                  {invite.createdBy && <span className="muted"> by {invite.createdBy.name}</span>}
                </td>
                <td>{formatExact(invite.expiresAt)}</td>
                <td className="plain-table__actions">
                  <Button
                    size="small"
                    variant="danger"
                    pending={revoke.isPending && revoke.variables === invite.id}
                    onClick={() => revoke.mutate(invite.id)}
                    aria-label={`Revoke the ${roleLabel(invite.role).toLowerCase()} invite${invite.email ? ` for ${invite.email}` : ''}`}
                  >
                    Revoke
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
