import type { ReactNode } from 'react';
import { Link, useLocation, useSearch } from 'wouter';

type NavLinkProps = {
  href: string;
  className: string;
  children: ReactNode;
  /** Also current on deeper paths (a project's board is current on its list page too). */
  prefix?: boolean;
  testId?: string;
  ariaLabel?: string;
};

/** A link that says when it is the current page, for sighted and screen-reader users alike. */
export function NavLink({ href, className, children, prefix, testId, ariaLabel }: NavLinkProps) {
  const [location] = useLocation();
  const search = useSearch();
  const [path, query = ''] = href.split('?');
  const current = query
    ? location === path && search === query
    : prefix
      ? location === path || location.startsWith(`${path}/`)
      : location === path && (search === '' || path !== '/list');
  return (
    <Link
      href={href}
      className={`${className}${current ? ` ${className}--current` : ''}`}
      aria-current={current ? 'page' : undefined}
      aria-label={ariaLabel}
      data-testid={testId}
    >
      {children}
    </Link>
  );
}
