import { PageHeader } from '../../../components/page-header';

export function ListPage() {
  return <PageHeader title="List" />;
}
