// Icon paths are 24×24 outline strokes, drawn inline so the app needs no icon font or CDN.
const SECTIONS = [
  {
    label: 'Projects',
    current: true,
    icon: 'M3 6.5A1.5 1.5 0 0 1 4.5 5h4l2 2h9A1.5 1.5 0 0 1 21 8.5v10a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 18.5z',
  },
  {
    label: 'My work',
    current: false,
    icon: 'M9 11l3 3 8-8M20 12v6.5a1.5 1.5 0 0 1-1.5 1.5h-13A1.5 1.5 0 0 1 4 18.5v-13A1.5 1.5 0 0 1 5.5 4H16',
  },
  {
    label: 'Inbox',
    current: false,
    icon: 'M4 13h4l2 3h4l2-3h4M5.5 5h13l2.5 8v5.5a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 18.5V13z',
  },
] as const;

/** The app's sections. Only Projects exists yet; the others show what is coming. */
export function SideNav() {
  return (
    <nav className="side-nav" aria-label="Main">
      <ul className="side-nav__list">
        {SECTIONS.map((section) => (
          <li key={section.label}>
            <span
              className={`side-nav__item${section.current ? ' side-nav__item--current' : ''}`}
              aria-current={section.current ? 'page' : undefined}
              aria-disabled={section.current ? undefined : true}
              title={section.current ? undefined : 'Coming soon'}
            >
              <svg className="side-nav__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d={section.icon} />
              </svg>
              <span className="side-nav__label">{section.label}</span>
              {!section.current && <span className="badge">Soon</span>}
            </span>
          </li>
        ))}
      </ul>
    </nav>
  );
}
