import { useEffect, useRef, type ReactNode } from 'react';

type PageHeaderProps = {
  title: ReactNode;
  /** Small text above the title (e.g. the project a board belongs to). */
  eyebrow?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
};

/**
 * A page's heading. It takes focus when the page opens after a navigation, so screen readers
 * announce where the person arrived (the first page of a visit leaves focus alone).
 */
export function PageHeader({ title, eyebrow, actions, children }: PageHeaderProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement?.closest('.side-nav')) {
      if (navigatedOnce) ref.current?.focus({ preventScroll: true });
    }
    navigatedOnce = true;
  }, []);
  return (
    <div className="page-header">
      <div className="page-header__text">
        {eyebrow && <div className="page-header__eyebrow">{eyebrow}</div>}
        <h1 className="page-header__title" ref={ref} tabIndex={-1}>
          {title}
        </h1>
        {children}
      </div>
      {actions && <div className="page-header__actions">{actions}</div>}
    </div>
  );
}

let navigatedOnce = false;
