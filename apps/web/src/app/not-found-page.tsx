import { Link } from 'wouter';
import { EmptyState } from '../components/empty-state';
import { PageHeader } from '../components/page-header';

export function NotFoundPage({ what = 'page' }: { what?: string }) {
  return (
    <>
      <PageHeader title="Not found" />
      <EmptyState title={`This ${what} does not exist`} testId="not-found">
        <p>
          It may have been moved or deleted, or the link has a typo. Check the address, or go back to{' '}
          <Link href="/">your projects</Link>.
        </p>
      </EmptyState>
    </>
  );
}
