import type { Split } from '@rytask/contracts';
import { formatSeconds } from '../../../lib/format';

function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

/** Tracked, planned and interruption time, with one bar showing the split. */
export function Totals({ totals }: { totals: Split }) {
  const plannedShare = percent(totals.planned, totals.tracked);
  const interruptionShare = totals.tracked > 0 ? 100 - plannedShare : 0;
  return (
    <section className="report-totals card" aria-label="Totals" data-testid="report-totals">
      <dl className="report-totals__figures">
        <div className="report-totals__figure">
          <dt>Tracked</dt>
          <dd data-testid="total-tracked">{formatSeconds(totals.tracked)}</dd>
        </div>
        <div className="report-totals__figure report-totals__figure--planned">
          <dt>Planned</dt>
          <dd>
            <span data-testid="total-planned">{formatSeconds(totals.planned)}</span>
            {totals.tracked > 0 && <span className="report-totals__share">{plannedShare}%</span>}
          </dd>
        </div>
        <div className="report-totals__figure report-totals__figure--interruption">
          <dt>Interruptions</dt>
          <dd>
            <span data-testid="total-interruption">{formatSeconds(totals.interruption)}</span>
            {totals.tracked > 0 && <span className="report-totals__share">{interruptionShare}%</span>}
          </dd>
        </div>
      </dl>
      <div className="split-bar" aria-hidden="true">
        {totals.tracked > 0 ? (
          <>
            <span className="split-bar__planned" style={{ flexGrow: totals.planned }} />
            <span className="split-bar__interruption" style={{ flexGrow: totals.interruption }} />
          </>
        ) : (
          <span className="split-bar__empty" />
        )}
      </div>
    </section>
  );
}
