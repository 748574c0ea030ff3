import { PageHeader } from '../../../components/page-header';

export function SearchPage() {
  return <PageHeader title="Search" />;
}
