import type { ReactNode } from 'react';

type EmptyStateProps = {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  testId?: string;
  /** A smaller version for inside panels and columns. */
  compact?: boolean;
};

/** What a page shows when there is nothing yet: what would be here, and how to add it. */
export function EmptyState({ title, children, action, testId, compact }: EmptyStateProps) {
  return (
    <div className={`empty-state${compact ? ' empty-state--compact' : ''}`} data-testid={testId}>
      {!compact && (
        <svg className="empty-state__art" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
          <rect x="8" y="14" width="48" height="38" rx="6" />
          <path d="M8 24h48M18 34h16M18 42h24" />
        </svg>
      )}
      <h2 className="empty-state__title">{title}</h2>
      {children && <div className="empty-state__text">{children}</div>}
      {action}
    </div>
  );
}
