import type { SessionResponse } from '@rytask/contracts';
import { useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { TextField } from '../../../components/text-field';
import { fieldOf, messageOf } from '../../../lib/errors';
import { login } from '../api/login';

type Field = 'email' | 'password';
type Problem = { message: string; field?: Field };

type LoginFormProps = {
  onSignedIn: (session: SessionResponse) => void;
  /** Why the person is here (signed out, session ended), shown above the form. */
  notice?: string;
};

export function LoginForm({ onSignedIn, notice }: LoginFormProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [submitting, setSubmitting] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  // Each new problem puts the cursor where the fix goes: the field at fault, else the password.
  // A layout effect, so it runs once the input is editable again and its error is attached.
  useLayoutEffect(() => {
    if (!problem) return;
    const input = problem.field === 'email' ? emailRef.current : passwordRef.current;
    input?.select();
  }, [problem]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    if (!email.trim()) return setProblem({ field: 'email', message: 'Enter your email address' });
    if (!password) return setProblem({ field: 'password', message: 'Enter your password' });

    setSubmitting(true);
    setProblem(undefined);
    try {
      onSignedIn(await login({ email: email.trim(), password }));
    } catch (error) {
      setSubmitting(false);
      setProblem({ message: messageOf(error), field: fieldOf(error, ['email', 'password']) });
    }
  }

  const formError = problem && !problem.field ? problem.message : undefined;
  return (
    <form
      className="form"
      onSubmit={handleSubmit}
      noValidate
      aria-labelledby="login-title"
      data-testid="login-form"
    >
      <header className="form__header">
        <h1 id="login-title" className="form__title">
          Sign in to RyTask
        </h1>
        <p className="form__lead">Welcome back. Sign in with your email and password.</p>
      </header>
      {formError ? (
        <Alert testId="login-error">{formError}</Alert>
      ) : (
        notice && <Alert tone="info">{notice}</Alert>
      )}
      <TextField
        ref={emailRef}
        label="Email"
        type="email"
        name="email"
        autoComplete="username"
        autoFocus
        spellCheck={false}
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        readOnly={submitting}
        error={problem?.field === 'email' ? problem.message : undefined}
      />
      <TextField
        ref={passwordRef}
        label="Password"
        type="password"
        name="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        readOnly={submitting}
        error={problem?.field === 'password' ? problem.message : undefined}
      />
      <Button type="submit" variant="primary" block pending={submitting}>
        {submitting ? 'Signing in…' : 'Sign in'}
      </Button>
      <p className="form__footnote" data-testid="forgot-password">
        Forgot your password? Ask whoever runs RyTask for your team: they can give you a one-time
        password to sign in with.
      </p>
    </form>
  );
}
