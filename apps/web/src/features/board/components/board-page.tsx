import { PageHeader } from '../../../components/page-header';

export function BoardPage() {
  return <PageHeader title="Board" />;
}
