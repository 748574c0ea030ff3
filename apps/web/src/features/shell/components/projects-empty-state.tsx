/** What a fresh organization sees: nothing yet, and what will live here. */
export function ProjectsEmptyState() {
  return (
    <div className="empty-state" data-testid="projects-empty">
      <svg className="empty-state__art" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
        <rect x="8" y="14" width="48" height="38" rx="6" />
        <path d="M8 24h48M18 34h16M18 42h24" />
      </svg>
      <h2 className="empty-state__title">No projects yet</h2>
      <p className="empty-state__text">
        Projects hold your team&rsquo;s work items, their statuses and the time spent on them.
        Creating projects arrives in the next release of RyTask.
      </p>
    </div>
  );
}
