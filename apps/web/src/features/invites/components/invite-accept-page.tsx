import type { AcceptInviteRequest, InvitePreviewResponse, SessionResponse } from '@rytask/contracts';
import { MIN_PASSWORD_LENGTH } from '@rytask/contracts/constants';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { Loading } from '../../../components/loading';
import { TextField } from '../../../components/text-field';
import { ApiError, apiRequest } from '../../../lib/api-client';
import { fieldOf, messageOf } from '../../../lib/errors';
import { AuthLayout } from '../../auth/components/auth-layout';
import { roleLabel } from '../../shell/components/user-menu';

type Props = { token: string; session: SessionResponse | null; onAccepted: (session: SessionResponse) => void };

const FIELDS = ['email', 'name', 'handle', 'password'] as const;
type Field = (typeof FIELDS)[number];
type Problems = Partial<Record<Field, string>> & { form?: string };
const HANDLE = /^[a-z0-9][a-z0-9_.-]{1,31}$/;

/** The public page an invite link opens: see what it offers, then join with a new or existing account. */
export function InviteAcceptPage({ token, session, onAccepted }: Props) {
  const preview = useQuery({
    queryKey: ['invite', token],
    queryFn: () => apiRequest<InvitePreviewResponse>('GET', `/invites/${encodeURIComponent(token)}`),
    retry: false,
  });

  return (
    <AuthLayout>
      {preview.isPending ? (
        <Loading label="Opening the invite…" />
      ) : preview.isError ? (
        <div className="form" data-testid="invite-invalid">
          <h1 className="form__title">This invite link does not work</h1>
          <p className="form__lead">
            {preview.error instanceof ApiError && preview.error.status === 404
              ? 'It may have expired, been used already, or been revoked. Ask whoever sent it for a new one.'
              : messageOf(preview.error)}
          </p>
          <a className="button button--secondary" href="/">
            Go to RyTask
          </a>
        </div>
      ) : (
        <AcceptForm token={token} preview={preview.data} session={session} onAccepted={onAccepted} />
      )}
    </AuthLayout>
  );
}

type FormProps = { token: string; preview: InvitePreviewResponse; session: SessionResponse | null; onAccepted: Props['onAccepted'] };

function AcceptForm({ token, preview, session, onAccepted }: FormProps) {
  const [values, setValues] = useState({ email: '', name: '', handle: '', password: '' });
  const [problems, setProblems] = useState<Problems>({});
  const [submitting, setSubmitting] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Problems = {};
    if (!/^\S+@\S+\.\S+$/.test(values.email.trim())) found.email = 'Enter your email address';
    if (values.password.length < MIN_PASSWORD_LENGTH) found.password = `Use at least ${MIN_PASSWORD_LENGTH} characters`;
    if (values.handle && !HANDLE.test(values.handle)) {
      found.handle = 'Use 2–32 lowercase letters, digits, “.”, “_” or “-”, starting with a letter or digit';
    }
    setProblems(found);
    if (Object.keys(found).length) return;
    setSubmitting(true);
    const body: AcceptInviteRequest = { email: values.email.trim(), password: values.password };
    if (values.name.trim()) body.name = values.name.trim();
    if (values.handle) body.handle = values.handle;
    try {
      onAccepted(await apiRequest<SessionResponse>('POST', `/invites/${encodeURIComponent(token)}/accept`, body));
    } catch (error) {
      setSubmitting(false);
      const field = fieldOf(error, FIELDS);
      setProblems(field ? { [field]: messageOf(error) } : { form: messageOf(error) });
    }
  }

  const input = (field: Field) => ({
    name: field,
    value: values[field],
    readOnly: submitting,
    error: problems[field],
    onChange: (event: { target: { value: string } }) =>
      setValues((current) => ({ ...current, [field]: field === 'handle' ? event.target.value.toLowerCase().replace(/^@/, '') : event.target.value })),
  });

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="invite-title" data-testid="invite-form">
      <header className="form__header">
        <h1 className="form__title" id="invite-title">
          Join {preview.organization.name}
        </h1>
        <p className="form__lead">
          You are invited as {/^[AEIOU]/.test(roleLabel(preview.role)) ? 'an' : 'a'} <strong>{roleLabel(preview.role).toLowerCase()}</strong>.
          Choose how you sign in.
        </p>
      </header>
      {session && (
        <Alert tone="info">
          You are signed in as {session.user.email}. Accepting signs you in with the account below instead.
        </Alert>
      )}
      {problems.form && <Alert testId="invite-error">{problems.form}</Alert>}
      <TextField {...input('email')} label="Email" type="email" autoComplete="username" autoFocus spellCheck={false} />
      <TextField {...input('name')} label="Your name" autoComplete="name" hint="How teammates see you. Needed for a new account." />
      <TextField {...input('handle')} label="Handle" autoComplete="off" spellCheck={false} hint="How people @mention you, like @sam. Needed for a new account." />
      <TextField
        {...input('password')}
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. Already have a RyTask account with this email? Use its password.`}
      />
      <Button type="submit" variant="primary" block pending={submitting}>
        {submitting ? 'Joining…' : `Join ${preview.organization.name}`}
      </Button>
    </form>
  );
}
