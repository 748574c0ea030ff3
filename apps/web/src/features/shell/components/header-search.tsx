import { useRef, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { Icon } from '../../../components/icon';
import { useHotkey } from '../../../lib/hotkeys';

/** The search box in the header: `/` focuses it from anywhere; Enter opens the search page. */
export function HeaderSearch() {
  const [, navigate] = useLocation();
  const [text, setText] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);

  useHotkey('/', (event) => {
    event.preventDefault();
    inputRef.current?.focus();
    inputRef.current?.select();
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const q = text.trim();
    if (!q) return;
    navigate(`/search?q=${encodeURIComponent(q)}`);
    setText('');
    inputRef.current?.blur();
  }

  return (
    <form className="header-search" role="search" onSubmit={submit}>
      <Icon name="search" className="header-search__icon" />
      <input
        ref={inputRef}
        className="header-search__input"
        type="search"
        name="q"
        aria-label="Search items, or type a key like OPS-12"
        placeholder="Search or jump to OPS-12"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            setText('');
            inputRef.current?.blur();
          }
        }}
        data-testid="header-search"
      />
      <kbd className="kbd header-search__hint" aria-hidden="true">
        /
      </kbd>
    </form>
  );
}
