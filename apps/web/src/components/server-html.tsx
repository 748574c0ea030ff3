import { useLocation } from 'wouter';

type Props = { html: string; className?: string; testId?: string };

/**
 * Markdown the API rendered and sanitised (raw HTML escaped, only http(s)/mailto links, mentions
 * as links to /people/…). This is the only place the app inserts HTML; it never receives text the
 * server has not made safe. Links inside the app open without reloading the page.
 */
export function ServerHtml({ html, className = 'markdown', testId }: Props) {
  const [, navigate] = useLocation();
  return (
    <div
      className={className}
      data-testid={testId}
      onClick={(event) => {
        const link = (event.target as HTMLElement).closest('a');
        const href = link?.getAttribute('href');
        if (!href?.startsWith('/') || href.startsWith('//')) return;
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(href);
      }}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
