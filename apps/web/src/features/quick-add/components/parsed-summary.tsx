import type { QuickAddContext, QuickAddResult } from '@rytask/contracts/quick-add';
import { formatMinutes } from '../../../lib/format';
import { formatDue } from '../../../lib/format';
import { PRIORITY_LABEL } from '../../items/components/item-bits';

/** What the line will create, field by field, and what could not be read — before it is sent. */
export function ParsedSummary({ parsed, context, live }: { parsed: QuickAddResult; context: QuickAddContext; live?: boolean }) {
  const assignee = context.members.find((member) => member.id === parsed.assigneeId);
  const labels = [
    ...parsed.labelIds.map((id) => context.labels.find((label) => label.id === id)?.name ?? id),
    ...parsed.newLabels.map((name) => `${name} (new)`),
  ];
  const rows: [string, string][] = [];
  if (assignee) rows.push(['Assignee', assignee.name]);
  if (labels.length) rows.push(['Labels', labels.join(', ')]);
  if (parsed.priority) rows.push(['Priority', PRIORITY_LABEL[parsed.priority]]);
  if (parsed.dueDate) rows.push(['Due', `${formatDue(parsed.dueDate, context.today)} (${parsed.dueDate})`]);
  if (parsed.estimateMinutes) rows.push(['Estimate', formatMinutes(parsed.estimateMinutes)]);

  return (
    <div className="qa-summary" aria-live={live ? 'polite' : undefined} data-testid="quick-add-preview">
      <p className="qa-summary__title">
        <span className="muted">Title:</span> {parsed.title || <em className="muted">(none yet)</em>}
      </p>
      {rows.length > 0 && (
        <dl className="qa-summary__fields">
          {rows.map(([name, value]) => (
            <div key={name} className="qa-summary__field">
              <dt>{name}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {parsed.problems.length > 0 && (
        <ul className="quick-add__problems">
          {parsed.problems.map((problem, index) => (
            <li key={index}>{problem.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
