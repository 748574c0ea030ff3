import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'wouter';
import { EmptyState } from '../../../components/empty-state';
import { Loading } from '../../../components/loading';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { useToday } from '../../items/api/reference-data';
import { Avatar, DueChip, LabelChip, PriorityIcon } from '../../items/components/item-bits';
import { useSearch } from '../api/search';

const ITEM_KEY = /^[A-Za-z][A-Za-z0-9]{1,9}-\d+$/;

/** Full-text search over titles, descriptions and comments; an exact key jumps to the item. */
export function SearchPage() {
  const [params] = useSearchParams();
  const [, navigate] = useLocation();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const inputRef = useRef<HTMLInputElement>(null);
  const search = useSearch(q);
  const today = useToday();

  useEffect(() => setText(q), [q]);
  useEffect(() => {
    if (!q) inputRef.current?.focus();
  }, [q]);

  // Typing OPS-12 (and searching) goes straight to that item.
  const jumpTo = search.data?.jumpTo;
  useEffect(() => {
    if (jumpTo && ITEM_KEY.test(q.trim())) navigate(`/items/${jumpTo.key}`, { replace: true });
  }, [jumpTo, q, navigate]);

  return (
    <>
      <PageHeader title="Search" />
      <form
        role="search"
        className="search-form"
        onSubmit={(event) => {
          event.preventDefault();
          navigate(`/search?q=${encodeURIComponent(text.trim())}`, { replace: true });
        }}
      >
        <label htmlFor="search-input" className="visually-hidden">
          Search items
        </label>
        <input
          id="search-input"
          ref={inputRef}
          type="search"
          className="select search-form__input"
          value={text}
          placeholder="Words from a title, a description or a comment — or a key like OPS-12"
          onChange={(event) => setText(event.target.value)}
          data-testid="search-input"
        />
        <button type="submit" className="button button--primary">
          Search
        </button>
      </form>

      {!q ? (
        <p className="muted">
          All words must appear; the last may be unfinished. Use &quot;quotes&quot; for a phrase and -word to leave a
          word out.
        </p>
      ) : search.isPending ? (
        <Loading label="Searching…" />
      ) : search.isError ? (
        <QueryError error={search.error} retry={() => void search.refetch()} what="the results" />
      ) : search.data.items.length === 0 ? (
        <EmptyState title={`Nothing found for “${q}”`} testId="search-empty">
          <p>Try fewer or other words. Items in the trash are not searched.</p>
        </EmptyState>
      ) : (
        <>
          <p className="muted" role="status">
            {search.data.items.length} result{search.data.items.length === 1 ? '' : 's'} for “{q}”
          </p>
          <ol className="search-results" data-testid="search-results">
            {search.data.items.map((item) => (
              <li key={item.id} className="search-result card">
                <div className="search-result__top">
                  <span className="item-row__key">{item.key}</span>
                  <Link href={`/items/${item.key}`} className="search-result__title" data-nav-item>
                    {item.title}
                  </Link>
                  <PriorityIcon priority={item.priority} />
                  {item.assignee && <Avatar person={item.assignee} />}
                </div>
                {/* Plain text from the server, shown as text (React escapes it). */}
                {item.snippet && <p className="search-result__snippet">{item.snippet}</p>}
                {(item.labels.length > 0 || item.dueDate) && (
                  <div className="chip-row">
                    {item.labels.map((label) => (
                      <LabelChip key={label.id} label={label} />
                    ))}
                    {item.dueDate && <DueChip dueDate={item.dueDate} today={today} />}
                  </div>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
