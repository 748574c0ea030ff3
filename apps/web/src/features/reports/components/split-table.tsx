import type { Split } from '@rytask/contracts';
import type { ReactNode } from 'react';
import { formatSeconds } from '../../../lib/format';

export type SplitRow = { key: string; name: ReactNode; split: Split };

type Props = {
  title: string;
  /** The first column's heading: Project, Person, Week, Day. */
  what: string;
  rows: SplitRow[];
  total: Split;
  csv: string;
  testId: string;
  /** Rows with no time are left out (projects, people); weeks and days keep them. */
  empty?: string;
};

/** Share of interruptions, as a whole percentage ("—" when nothing was tracked). */
export function interruptionShare(split: Split): string {
  return split.tracked > 0 ? `${Math.round((split.interruption / split.tracked) * 100)}%` : '—';
}

/** One report table: planned, interruption and tracked time per row, with a total and its CSV. */
export function SplitTable({ title, what, rows, total, csv, testId, empty = 'No time in this range.' }: Props) {
  const headingId = `${testId}-heading`;
  return (
    <section className="report-card card" aria-labelledby={headingId} data-testid={testId}>
      <header className="report-card__header">
        <h2 className="report-card__title" id={headingId}>
          {title}
        </h2>
        <CsvLink href={csv} what={title.toLowerCase()} />
      </header>
      {rows.length === 0 ? (
        <p className="muted report-card__empty">{empty}</p>
      ) : (
        <div className="report-table-wrap">
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">{what}</th>
                <th scope="col" className="num">
                  Planned
                </th>
                <th scope="col" className="num">
                  Interruption
                </th>
                <th scope="col" className="num">
                  Tracked
                </th>
                <th scope="col" className="num">
                  <abbr title="Share of the tracked time that was interruptions">Int. share</abbr>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <SplitLine key={row.key} rowKey={row.key} name={row.name} split={row.split} />
              ))}
            </tbody>
            <tfoot>
              <SplitLine name="Total" split={total} header />
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}

function SplitLine({ name, split, header, rowKey }: { name: ReactNode; split: Split; header?: boolean; rowKey?: string }) {
  const empty = split.tracked === 0;
  return (
    <tr className={empty ? 'report-table__empty-row' : undefined} data-key={rowKey}>
      <th scope="row">{name}</th>
      <td className="num" data-col="planned">
        {formatSeconds(split.planned)}
      </td>
      <td className="num report-table__interruption" data-col="interruption">
        {formatSeconds(split.interruption)}
      </td>
      <td className="num" data-col="tracked">
        {header ? <strong>{formatSeconds(split.tracked)}</strong> : formatSeconds(split.tracked)}
      </td>
      <td className="num muted" data-col="share">
        {interruptionShare(split)}
      </td>
    </tr>
  );
}

export function CsvLink({ href, what }: { href: string; what: string }) {
  return (
    <a className="csv-link" href={href} download aria-label={`Download ${what} as CSV`}>
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d="M8 2.5v7.5M4.8 7 8 10.2 11.2 7M3 13h10" />
      </svg>
      CSV
    </a>
  );
}
