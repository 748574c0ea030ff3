import type { ReactNode } from 'react';

/** Centred content for states that own the whole window: loading, server unreachable. */
export function FullPageMessage({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <div className="full-page" data-testid={testId}>
      {children}
    </div>
  );
}
