import { useState, type FormEvent } from 'react';
import type { SessionResponse } from '@rytask/contracts';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { PageHeader } from '../../../components/page-header';
import { TextField } from '../../../components/text-field';
import { useSessionContext } from '../../../app/session-context';
import { apiRequest } from '../../../lib/api-client';
import { fieldOf, messageOf } from '../../../lib/errors';
import { useTheme, type ThemeChoice } from '../../../lib/theme';
import { ChangePasswordForm } from '../../auth/components/change-password-form';
import { roleLabel } from '../../shell/components/user-menu';

// Same rule as the contracts' HANDLE_PATTERN (not imported: a value import would bring zod along).
const HANDLE = /^[a-z0-9][a-z0-9_.-]{1,31}$/;

export function ProfilePage() {
  const { session, onSessionChange, role } = useSessionContext();
  const [passwordChanged, setPasswordChanged] = useState(0);
  return (
    <>
      <PageHeader title="Profile">
        <p className="muted">
          {session.user.email} · {roleLabel(role)} in {session.organization.name}
        </p>
      </PageHeader>
      <div className="settings-grid">
        <section className="card settings-card">
          <ProfileForm session={session} onSaved={onSessionChange} />
        </section>
        <section className="card settings-card">
          {passwordChanged > 0 && <Alert tone="success">Your password has been changed.</Alert>}
          <ChangePasswordForm
            key={passwordChanged}
            email={session.user.email}
            title="Change password"
            lead={<p>Enter your current password, then the new one twice.</p>}
            autoFocus={false}
            onChanged={(next) => {
              onSessionChange(next);
              setPasswordChanged((count) => count + 1);
            }}
          />
        </section>
        <section className="card settings-card">
          <ThemeChoiceForm />
        </section>
      </div>
    </>
  );
}

type Problems = { name?: string; handle?: string; form?: string };

function ProfileForm({ session, onSaved }: { session: SessionResponse; onSaved: (session: SessionResponse) => void }) {
  const [name, setName] = useState(session.user.name);
  const [handle, setHandle] = useState(session.user.handle ?? '');
  const [problems, setProblems] = useState<Problems>({});
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Problems = {};
    if (!name.trim()) found.name = 'Enter your name';
    if (handle && !HANDLE.test(handle)) {
      found.handle = 'Use 2–32 lowercase letters, digits, “.”, “_” or “-”, starting with a letter or digit';
    }
    setProblems(found);
    setSaved(false);
    if (found.name || found.handle) return;
    const patch: { name?: string; handle?: string } = {};
    if (name.trim() !== session.user.name) patch.name = name.trim();
    if (handle && handle !== session.user.handle) patch.handle = handle;
    if (!patch.name && !patch.handle) return setSaved(true);
    setSaving(true);
    try {
      onSaved(await apiRequest<SessionResponse>('PATCH', '/me', patch));
      setSaved(true);
    } catch (error) {
      const field = fieldOf(error, ['name', 'handle'] as const);
      setProblems(field ? { [field]: messageOf(error) } : { form: messageOf(error) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="profile-title" data-testid="profile-form">
      <header className="form__header">
        <h2 className="form__title" id="profile-title">
          Name and handle
        </h2>
        <p className="form__lead">Your handle is how people mention you (@handle) and assign you in quick-add.</p>
      </header>
      {problems.form && <Alert>{problems.form}</Alert>}
      {saved && <Alert tone="success">Saved.</Alert>}
      <TextField label="Name" name="name" autoComplete="name" value={name} maxLength={100} onChange={(event) => setName(event.target.value)} error={problems.name} />
      <TextField
        label="Handle"
        name="handle"
        autoComplete="off"
        spellCheck={false}
        value={handle}
        maxLength={32}
        onChange={(event) => setHandle(event.target.value.toLowerCase().replace(/^@/, ''))}
        error={problems.handle}
        hint={handle ? `People mention you as @${handle}.` : 'Pick one so people can mention you.'}
      />
      <div className="form__actions">
        <Button type="submit" variant="primary" pending={saving}>
          Save
        </Button>
      </div>
    </form>
  );
}

const THEMES: { value: ThemeChoice; label: string; hint: string }[] = [
  { value: 'system', label: 'As the system', hint: 'Follows your device’s light or dark setting.' },
  { value: 'light', label: 'Light', hint: 'Always light.' },
  { value: 'dark', label: 'Dark', hint: 'Always dark.' },
];

function ThemeChoiceForm() {
  const [choice, setChoice] = useTheme();
  return (
    <div className="form">
      <header className="form__header">
        <h2 className="form__title">Appearance</h2>
        <p className="form__lead">Kept in this browser. The button in the header switches it too.</p>
      </header>
      <fieldset className="choice-group">
        <legend className="visually-hidden">Colour scheme</legend>
        {THEMES.map((theme) => (
          <label key={theme.value} className="choice">
            <input type="radio" name="theme" checked={choice === theme.value} onChange={() => setChoice(theme.value)} />
            <span>
              <strong>{theme.label}</strong>
              <span className="choice__hint">{theme.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
