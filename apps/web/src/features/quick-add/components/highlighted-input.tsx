import type { QuickAddResult } from '@rytask/contracts/quick-add';
import { useRef, type KeyboardEvent, type Ref } from 'react';

type Props = {
  id: string;
  value: string;
  onChange: (value: string) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
  parsed: QuickAddResult | null;
  describedBy?: string;
  disabled?: boolean;
  ref?: Ref<HTMLTextAreaElement>;
};

type Segment = { text: string; kind?: string; problem?: boolean; title?: string };

/** Splits the text into plain runs and the tokens the parser read (or could not read). */
function segments(text: string, parsed: QuickAddResult | null): Segment[] {
  if (!parsed) return [{ text }];
  const marks = [
    ...parsed.understood.map((token) => ({ start: token.start, end: token.end, kind: token.kind, problem: false, title: token.value })),
    ...parsed.problems
      .filter((problem) => problem.start !== undefined && problem.end !== undefined)
      .map((problem) => ({ start: problem.start!, end: problem.end!, kind: problem.kind, problem: true, title: problem.message })),
  ].sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let at = 0;
  for (const mark of marks) {
    if (mark.start < at) continue;
    if (mark.start > at) out.push({ text: text.slice(at, mark.start) });
    out.push({ text: text.slice(mark.start, mark.end), kind: mark.kind, problem: mark.problem, title: mark.title });
    at = mark.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/**
 * A textarea over a mirror of its own text in which the tokens are marked: the textarea's text is
 * transparent (its caret and selection stay visible), so the marks show through exactly beneath
 * the characters. Both wrap the same way; the mirror follows the textarea's scrolling.
 */
export function HighlightedInput({ id, value, onChange, onKeyDown, parsed, describedBy, disabled, ref }: Props) {
  const mirrorRef = useRef<HTMLDivElement>(null);
  return (
    <div className="qa-input">
      <div className="qa-input__mirror" ref={mirrorRef} aria-hidden="true">
        {segments(value, parsed).map((segment, index) =>
          segment.kind ? (
            <mark
              key={index}
              className={`qa-token qa-token--${segment.kind}${segment.problem ? ' qa-token--problem' : ''}`}
              data-token={segment.kind}
            >
              {segment.text}
            </mark>
          ) : (
            <span key={index}>{segment.text}</span>
          ),
        )}
        {/* A trailing space keeps the mirror as tall as the textarea after a final newline. */}
        {' '}
      </div>
      <textarea
        ref={ref}
        id={id}
        className="qa-input__field"
        value={value}
        rows={1}
        spellCheck={false}
        autoComplete="off"
        disabled={disabled}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value.replace(/\n/g, ' '))}
        onKeyDown={onKeyDown}
        onScroll={(event) => {
          if (mirrorRef.current) mirrorRef.current.scrollTop = event.currentTarget.scrollTop;
        }}
        placeholder="Fix login redirect @sam #bug !high ^friday ~2h"
        data-testid="quick-add-input"
      />
    </div>
  );
}
