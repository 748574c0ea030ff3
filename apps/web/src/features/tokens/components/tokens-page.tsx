import type { CreatedAccessTokenResponse, TokenScope } from '@rytask/contracts';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { CopyField } from '../../../components/copy-field';
import { EmptyState } from '../../../components/empty-state';
import { Loading } from '../../../components/loading';
import { PageHeader } from '../../../components/page-header';
import { TextField } from '../../../components/text-field';
import { useSessionContext } from '../../../app/session-context';
import { fieldOf, messageOf } from '../../../lib/errors';
import { formatExact, formatWhen } from '../../../lib/format';
import { useCreateToken, useRevokeToken, useTokens } from '../api/tokens';

const EXPIRY_CHOICES = [
  { days: 30, label: 'In 30 days' },
  { days: 90, label: 'In 90 days' },
  { days: 365, label: 'In a year' },
  { days: 0, label: 'Never (revoke it when done)' },
];

/** Personal access tokens for scripts and agents: `Authorization: Bearer rtk_…`. */
export function TokensPage() {
  const { role } = useSessionContext();
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<TokenScope>('read');
  const [expires, setExpires] = useState(90);
  const [created, setCreated] = useState<CreatedAccessTokenResponse>();
  const [nameProblem, setNameProblem] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setNameProblem('Name the token, e.g. “CI” or “my agent”');
    setNameProblem(undefined);
    try {
      setCreated(await create.mutateAsync({ name: name.trim(), scope, expiresInDays: expires || undefined }));
      setName('');
    } catch (error) {
      if (fieldOf(error, ['name'] as const)) setNameProblem(messageOf(error));
    }
  }

  return (
    <>
      <PageHeader title="Access tokens" />
      <div className="settings-stack">
        <section className="settings-section card" aria-labelledby="new-token-heading">
          <div>
            <h2 className="settings-section__title" id="new-token-heading">
              New token
            </h2>
            <p className="settings-section__lead">
              A token lets a script or an agent use the API as you: send it as <code>Authorization: Bearer …</code>. It
              can do what your role allows ({role.toLowerCase()}), or only read.
            </p>
          </div>
          <form className="form" onSubmit={submit} noValidate>
            <TextField label="Name" value={name} onChange={(event) => setName(event.target.value)} error={nameProblem} maxLength={100} placeholder="CI, my agent, backup script…" />
            <fieldset className="choice-group">
              <legend className="field__label">Access</legend>
              <label className="choice">
                <input type="radio" name="scope" checked={scope === 'read'} onChange={() => setScope('read')} />
                <span>
                  <strong>Read only</strong>
                  <span className="choice__hint">Can look at everything you can; changes nothing.</span>
                </span>
              </label>
              <label className="choice">
                <input type="radio" name="scope" checked={scope === 'read_write'} onChange={() => setScope('read_write')} />
                <span>
                  <strong>Read and write</strong>
                  <span className="choice__hint">Can also create and change what your role allows.</span>
                </span>
              </label>
            </fieldset>
            <div className="field">
              <label className="field__label" htmlFor="token-expiry">
                Expires
              </label>
              <select id="token-expiry" className="select field__select" value={expires} onChange={(event) => setExpires(Number(event.target.value))}>
                {EXPIRY_CHOICES.map((choice) => (
                  <option key={choice.days} value={choice.days}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </div>
            {create.isError && !nameProblem && <Alert>{messageOf(create.error)}</Alert>}
            <div className="form__actions">
              <Button type="submit" variant="primary" pending={create.isPending} data-testid="create-token">
                Create token
              </Button>
            </div>
          </form>
          {created && (
            <div className="secret-box" data-testid="token-created">
              <p>
                <strong>Your new token “{created.name}”.</strong> Copy it now and keep it somewhere safe: it is shown only
                this once.
              </p>
              <CopyField label="Access token" value={created.token} testId="token-value" />
            </div>
          )}
        </section>

        <section className="settings-section card" aria-labelledby="tokens-heading">
          <h2 className="settings-section__title" id="tokens-heading">
            Your tokens
          </h2>
          {revoke.isError && <Alert>{messageOf(revoke.error)}</Alert>}
          {tokens.isPending ? (
            <Loading />
          ) : tokens.isError ? (
            <Alert>Could not load your tokens. {messageOf(tokens.error)}</Alert>
          ) : tokens.data.length === 0 ? (
            <EmptyState compact title="No tokens yet">
              <p>Create one above when a script or an agent needs to use RyTask.</p>
            </EmptyState>
          ) : (
            <div className="table-scroll">
              <table className="plain-table" data-testid="tokens-table">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Starts with</th>
                    <th scope="col">Access</th>
                    <th scope="col">Last used</th>
                    <th scope="col">Expires</th>
                    <th scope="col" className="plain-table__actions">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {tokens.data.map((token) => (
                    <tr key={token.id}>
                      <td>
                        <strong>{token.name}</strong>
                      </td>
                      <td>
                        <code>{token.prefix}…</code>
                      </td>
                      <td>{token.scope === 'read' ? <span className="tag">Read only</span> : <span className="tag tag--accent">Read and write</span>}</td>
                      <td>{token.lastUsedAt ? <span title={formatExact(token.lastUsedAt)}>{formatWhen(token.lastUsedAt)}</span> : <span className="muted">Never</span>}</td>
                      <td>{token.expiresAt ? formatExact(token.expiresAt) : <span className="muted">Never</span>}</td>
                      <td className="plain-table__actions">
                        <Button
                          size="small"
                          variant="danger"
                          pending={revoke.isPending && revoke.variables === token.id}
                          onClick={() => revoke.mutate(token.id)}
                          aria-label={`Revoke ${token.name}`}
                        >
                          Revoke
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </>
  );
}
