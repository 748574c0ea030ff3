import { PageHeader } from '../../../components/page-header';

export function InboxPage() {
  return <PageHeader title="Inbox" />;
}
