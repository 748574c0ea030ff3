/** The RyTask mark and name. Decorative mark; the name is real text. */
export function Wordmark({ size = 'medium' }: { size?: 'medium' | 'large' }) {
  return (
    <span className={`wordmark wordmark--${size}`}>
      <svg className="wordmark__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="7" />
        <path d="M9 16.5l4.5 4.5L23 11.5" />
      </svg>
      <span className="wordmark__name">RyTask</span>
    </span>
  );
}
