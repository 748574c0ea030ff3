import type { InterruptionLedger as Ledger } from '@rytask/contracts';
import { Link } from 'wouter';
import { formatSeconds } from '../../../lib/format';
import { PriorityIcon } from '../../items/components/item-bits';
import { CsvLink } from './split-table';

const SOURCE_LABEL: Record<Ledger['rows'][number]['source'], string> = {
  web: 'Web',
  api: 'API',
  mcp: 'Agent (MCP)',
  slack: 'Slack',
};

/** Which items interrupted, who raised them, from where, and for how long: the evidence. */
export function InterruptionLedger({ ledger, csv }: { ledger: Ledger; csv: string }) {
  return (
    <section className="report-card card" aria-labelledby="ledger-heading" data-testid="interruption-ledger">
      <header className="report-card__header">
        <div>
          <h2 className="report-card__title" id="ledger-heading">
            Interruption ledger
          </h2>
          <p className="muted report-card__lead">Every item that took interruption time in this range, longest first.</p>
        </div>
        <CsvLink href={csv} what="the interruption ledger" />
      </header>
      {ledger.rows.length === 0 ? (
        <p className="muted report-card__empty">No interruptions in this range.</p>
      ) : (
        <div className="report-table-wrap">
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Raised by</th>
                <th scope="col">Source</th>
                <th scope="col">Priority</th>
                <th scope="col" className="num">
                  People
                </th>
                <th scope="col" className="num">
                  Time
                </th>
              </tr>
            </thead>
            <tbody>
              {ledger.rows.map((row) => (
                <tr key={row.item.id}>
                  <th scope="row" className="report-table__item">
                    <Link href={`/items/${row.item.key}`}>
                      <span className="report-table__key">{row.item.key}</span> {row.item.title}
                    </Link>
                  </th>
                  <td>{row.raisedBy?.name ?? <span className="muted">Former member</span>}</td>
                  <td>{SOURCE_LABEL[row.source]}</td>
                  <td>
                    <PriorityIcon priority={row.priority} withLabel />
                  </td>
                  <td className="num">{row.people}</td>
                  <td className="num report-table__interruption">{formatSeconds(row.seconds)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={5}>
                  Total
                </th>
                <td className="num report-table__interruption">
                  <strong>{formatSeconds(ledger.totalSeconds)}</strong>
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
