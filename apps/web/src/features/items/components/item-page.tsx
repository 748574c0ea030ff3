import { PageHeader } from '../../../components/page-header';

export function ItemPage() {
  return <PageHeader title="Item" />;
}
