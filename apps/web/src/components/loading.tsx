import { Spinner } from './spinner';

/** A quiet placeholder while a page's data loads. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading loading--inline" role="status">
      <Spinner />
      <span>{label}</span>
    </div>
  );
}
