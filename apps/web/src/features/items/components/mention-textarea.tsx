import type { Member } from '@rytask/contracts';
import { useId, useRef, useState } from 'react';
import { useActiveMembers } from '../api/reference-data';

type Props = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Ctrl/Cmd+Enter. */
  onSubmit: () => void;
  placeholder?: string;
  autoFocus?: boolean;
  testId?: string;
};

/** The `@word` being typed just before the cursor, if any. */
function mentionAt(text: string, cursor: number): { start: number; query: string } | null {
  const match = /(^|[\s(])@([a-z0-9_.-]*)$/i.exec(text.slice(0, cursor));
  if (!match) return null;
  return { start: cursor - match[2]!.length - 1, query: match[2]!.toLowerCase() };
}

function matches(member: Member, query: string): boolean {
  if (!member.handle) return false;
  return (
    member.handle.toLowerCase().startsWith(query) ||
    member.name.toLowerCase().split(/\s+/).some((word) => word.startsWith(query))
  );
}

/**
 * A markdown textarea that suggests people while an `@handle` is typed: arrows choose, Enter or
 * Tab inserts, Escape closes the suggestions. Only people with a handle can be mentioned.
 */
export function MentionTextarea({ label, value, onChange, onSubmit, placeholder, autoFocus, testId }: Props) {
  const members = useActiveMembers();
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);

  const suggestions = mention ? members.filter((member) => matches(member, mention.query)).slice(0, 6) : [];
  const open = suggestions.length > 0;

  function track(text: string, cursor: number) {
    const next = mentionAt(text, cursor);
    setMention(next);
    if (next?.query !== mention?.query) setActive(0);
  }

  function insert(member: Member) {
    const textarea = ref.current;
    if (!textarea || !mention || !member.handle) return;
    const cursor = textarea.selectionStart;
    const next = `${value.slice(0, mention.start)}@${member.handle} ${value.slice(cursor)}`;
    onChange(next);
    setMention(null);
    const position = mention.start + member.handle.length + 2;
    requestAnimationFrame(() => {
      textarea.focus();
      textarea.setSelectionRange(position, position);
    });
  }

  return (
    <div className="mention-box">
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <textarea
        ref={ref}
        id={id}
        className="textarea"
        rows={3}
        value={value}
        placeholder={placeholder}
        autoFocus={autoFocus}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={`${id}-people`}
        aria-activedescendant={open ? `${id}-person-${active}` : undefined}
        onChange={(event) => {
          onChange(event.target.value);
          track(event.target.value, event.target.selectionStart);
        }}
        onClick={(event) => track(value, event.currentTarget.selectionStart)}
        onBlur={() => setMention(null)}
        onKeyDown={(event) => {
          if (open) {
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              const step = event.key === 'ArrowDown' ? 1 : -1;
              setActive((current) => (current + step + suggestions.length) % suggestions.length);
              return;
            }
            if (event.key === 'Enter' || event.key === 'Tab') {
              event.preventDefault();
              insert(suggestions[active]!);
              return;
            }
            if (event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              setMention(null);
              return;
            }
          }
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            onSubmit();
          }
        }}
        data-testid={testId}
      />
      <ul className="mention-box__list card" id={`${id}-people`} role="listbox" aria-label="People" hidden={!open}>
        {suggestions.map((member, index) => (
          <li
            key={member.id}
            id={`${id}-person-${index}`}
            role="option"
            aria-selected={index === active}
            className="mention-box__option"
            // mousedown, not click: a click would blur the textarea first and close the list.
            onMouseDown={(event) => {
              event.preventDefault();
              insert(member);
            }}
          >
            <strong>@{member.handle}</strong> <span className="muted">{member.name}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
