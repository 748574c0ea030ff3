import { useId, useRef, useState } from 'react';
import { Icon } from './icon';

/**
 * A read-only value with a Copy button (for links and tokens shown once). Where the clipboard
 * is not available (plain http, old browsers) the value is selected for Ctrl+C instead.
 */
export function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'select' | undefined>();

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      inputRef.current?.select();
      setCopied('select');
    }
    window.setTimeout(() => setCopied(undefined), 4_000);
  }

  return (
    <div className="secret-box__row">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        ref={inputRef}
        className="secret-box__value"
        value={value}
        readOnly
        onFocus={(event) => event.target.select()}
        data-testid={testId}
      />
      <button type="button" className="button button--secondary" onClick={() => void copy()}>
        <Icon name={copied === 'yes' ? 'check' : 'copy'} />
        {copied === 'yes' ? 'Copied' : 'Copy'}
      </button>
      <span className="visually-hidden" role="status">
        {copied === 'yes' ? 'Copied to the clipboard' : copied === 'select' ? 'Selected: press Ctrl+C to copy' : ''}
      </span>
    </div>
  );
}
