import type { ReactNode } from 'react';
import { Wordmark } from '../../../components/wordmark';

/** The calm, centred page the signed-out and must-change-password screens share. */
export function AuthLayout({ children, footer }: { children: ReactNode; footer?: ReactNode }) {
  return (
    <div className="auth-page">
      <main className="auth-page__main">
        <div className="auth-page__brand">
          <Wordmark size="large" />
        </div>
        <section className="card auth-card">{children}</section>
        {footer && <div className="auth-page__footer">{footer}</div>}
      </main>
    </div>
  );
}
