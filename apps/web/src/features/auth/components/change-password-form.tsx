import type { SessionResponse } from '@rytask/contracts';
import { MIN_PASSWORD_LENGTH } from '@rytask/contracts/constants';
import { useLayoutEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { TextField } from '../../../components/text-field';
import { ApiError } from '../../../lib/api-client';
import { fieldOf, messageOf } from '../../../lib/errors';
import { changePassword } from '../api/change-password';

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;
type Problems = Partial<Record<Field, string>> & { form?: string };

/** Checked before submitting so people hear at once; the server still has the last word. */
function checkPasswords(values: Values): Problems {
  const problems: Problems = {};
  if (!values.currentPassword) problems.currentPassword = 'Enter your current password';
  if (values.newPassword.length < MIN_PASSWORD_LENGTH) {
    problems.newPassword = `Use at least ${MIN_PASSWORD_LENGTH} characters`;
  } else if (values.newPassword === values.currentPassword) {
    problems.newPassword = 'Choose a password different from your current one';
  }
  if (!problems.newPassword && values.confirmPassword !== values.newPassword) {
    problems.confirmPassword = 'The passwords do not match';
  }
  return problems;
}

type ChangePasswordFormProps = {
  /** Needed so password managers save the new password under the right account. */
  email: string;
  title: string;
  lead: ReactNode;
  onChanged: (session: SessionResponse) => void;
  /** Secondary action shown beside submit: "Cancel" in settings, "Sign out" when forced. */
  secondary?: ReactNode;
  /** The forced change starts in the first field; on the profile page the form waits its turn. */
  autoFocus?: boolean;
};

const EMPTY: Values = { currentPassword: '', newPassword: '', confirmPassword: '' };

export function ChangePasswordForm(props: ChangePasswordFormProps) {
  const { email, title, lead, onChanged, secondary, autoFocus = true } = props;
  // Its own page when forced (h1); one section of the profile page otherwise (h2).
  const Heading = autoFocus ? 'h1' : 'h2';
  const [values, setValues] = useState<Values>(EMPTY);
  const [problems, setProblems] = useState<Problems>({});
  const [submitting, setSubmitting] = useState(false);
  const refs = {
    currentPassword: useRef<HTMLInputElement>(null),
    newPassword: useRef<HTMLInputElement>(null),
    confirmPassword: useRef<HTMLInputElement>(null),
  };

  // Put the cursor in the first field at fault, once it is editable again (see LoginForm).
  useLayoutEffect(() => {
    const first = FIELDS.find((field) => problems[field]);
    if (first) refs[first].current?.select();
  }, [problems]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const found = checkPasswords(values);
    if (Object.keys(found).length > 0) return setProblems(found);

    setSubmitting(true);
    setProblems({});
    try {
      const { currentPassword, newPassword } = values;
      onChanged(await changePassword({ currentPassword, newPassword }));
    } catch (error) {
      setSubmitting(false);
      const message = messageOf(error);
      // A wrong current password comes back without a field; it can only be about that one.
      const field =
        fieldOf(error, FIELDS) ??
        (error instanceof ApiError && error.code === 'invalid_credentials' ? 'currentPassword' : undefined);
      setProblems(field ? { [field]: message } : { form: message });
    }
  }

  function input(field: Field) {
    return {
      ref: refs[field],
      type: 'password',
      name: field,
      value: values[field],
      readOnly: submitting,
      error: problems[field],
      onChange: (event: { target: { value: string } }) =>
        setValues((current) => ({ ...current, [field]: event.target.value })),
    };
  }

  return (
    <form
      className="form"
      onSubmit={handleSubmit}
      noValidate
      aria-labelledby="change-password-title"
      data-testid="change-password-form"
    >
      <header className="form__header">
        <Heading id="change-password-title" className="form__title">
          {title}
        </Heading>
        <div className="form__lead">{lead}</div>
      </header>
      {problems.form && <Alert testId="change-password-error">{problems.form}</Alert>}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        {...input('currentPassword')}
        label="Current password"
        autoComplete="current-password"
        autoFocus={autoFocus}
      />
      <TextField
        {...input('newPassword')}
        label="New password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong one.`}
      />
      <TextField {...input('confirmPassword')} label="Confirm new password" autoComplete="new-password" />
      <div className="form__actions">
        <Button type="submit" variant="primary" pending={submitting}>
          {submitting ? 'Saving…' : 'Save new password'}
        </Button>
        {secondary}
      </div>
    </form>
  );
}
