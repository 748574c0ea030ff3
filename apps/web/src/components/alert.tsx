import type { ReactNode } from 'react';

type AlertProps = {
  tone?: 'error' | 'info' | 'success';
  children: ReactNode;
  testId?: string;
};

/** A message about the whole form or page; announced by screen readers when it appears. */
export function Alert({ tone = 'error', children, testId }: AlertProps) {
  return (
    <div
      className={`alert alert--${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      data-testid={testId}
    >
      {children}
    </div>
  );
}
