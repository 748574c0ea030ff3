import { useEffect, useId, useRef, useState } from 'react';
import { formatHours } from '../../../lib/format';

export type Bar = {
  key: string;
  /** Under the bar, short: "3 Mar". */
  label: string;
  /** In the tooltip and the description: "Week of 3 Mar". */
  longLabel: string;
  planned: number;
  interruption: number;
};

type Props = { bars: Bar[]; title: string; testId?: string };

const HEIGHT = 260;
const MARGIN = { top: 22, right: 12, bottom: 30, left: 46 };
const STEPS = [0.5, 1, 2, 4, 5, 10, 20, 25, 40, 50, 100, 200, 250, 500, 1000, 2000, 5000];

/** The axis top and step, in hours: at most 5 gridlines, round numbers. */
function scale(maxSeconds: number): { top: number; step: number } {
  const hours = maxSeconds / 3600;
  if (hours <= 0) return { top: 8, step: 2 };
  const step = STEPS.find((candidate) => Math.ceil(hours / candidate) <= 5) ?? STEPS[STEPS.length - 1]!;
  return { top: step * Math.ceil(hours / step), step };
}

function hoursText(seconds: number): string {
  return `${formatHours(seconds)} h`;
}

/**
 * Planned (below) and interruption (on top) per bar, in hours: an inline SVG drawn at the width
 * it has, so text stays its real size. The title and a description listing every bar's numbers
 * make it readable without seeing it; the tables below carry the same numbers.
 */
export function StackedBarChart({ bars, title, testId }: Props) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(720);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(280, Math.round(entry.contentRect.width)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const max = Math.max(0, ...bars.map((bar) => bar.planned + bar.interruption));
  const { top, step } = scale(max);
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const y = (seconds: number) => MARGIN.top + plotHeight - (seconds / 3600 / top) * plotHeight;
  const band = plotWidth / Math.max(1, bars.length);
  const barWidth = Math.max(3, Math.min(56, band * 0.62));
  const labelEvery = Math.max(1, Math.ceil(64 / band));
  const showTotals = band >= 34;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, index) => index * step);
  const description = bars.length
    ? bars.map((bar) => `${bar.longLabel}: ${hoursText(bar.planned)} planned, ${hoursText(bar.interruption)} interruption.`).join(' ')
    : 'No days in this range.';

  return (
    <div className="chart" ref={ref} data-testid={testId}>
      <svg
        className="chart__svg"
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticks.map((tick) => (
          <g key={tick} className="chart__tick">
            <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(tick * 3600)} y2={y(tick * 3600)} className={tick === 0 ? 'chart__baseline' : 'chart__grid'} />
            <text x={MARGIN.left - 8} y={y(tick * 3600)} dy="0.32em" textAnchor="end" className="chart__axis-label">
              {tick}h
            </text>
          </g>
        ))}
        {bars.map((bar, index) => {
          const x = MARGIN.left + band * index + (band - barWidth) / 2;
          const total = bar.planned + bar.interruption;
          const plannedTop = y(bar.planned);
          const totalTop = y(total);
          return (
            <g key={bar.key} className="chart__bar" data-testid="chart-bar">
              <title>{`${bar.longLabel}: ${hoursText(bar.planned)} planned, ${hoursText(bar.interruption)} interruption, ${hoursText(total)} in all`}</title>
              {/* A transparent column makes the whole band hoverable for the tooltip. */}
              <rect x={MARGIN.left + band * index} y={MARGIN.top} width={band} height={plotHeight} className="chart__hit" />
              {bar.planned > 0 && (
                <rect x={x} y={plannedTop} width={barWidth} height={y(0) - plannedTop} className="chart__planned" />
              )}
              {bar.interruption > 0 && (
                <rect x={x} y={totalTop} width={barWidth} height={plannedTop - totalTop} className="chart__interruption" />
              )}
              {showTotals && total > 0 && (
                <text x={x + barWidth / 2} y={totalTop - 6} textAnchor="middle" className="chart__value">
                  {formatHours(total)}h
                </text>
              )}
              {index % labelEvery === 0 && (
                <text x={MARGIN.left + band * index + band / 2} y={HEIGHT - 10} textAnchor="middle" className="chart__axis-label">
                  {bar.label}
                </text>
              )}
            </g>
          );
        })}
        {max === 0 && (
          <text x={MARGIN.left + plotWidth / 2} y={MARGIN.top + plotHeight / 2} textAnchor="middle" className="chart__empty">
            Nothing tracked in this range
          </text>
        )}
      </svg>
      <ul className="chart__legend" aria-hidden="true">
        <li>
          <span className="chart__swatch chart__swatch--planned" />
          Planned
        </li>
        <li>
          <span className="chart__swatch chart__swatch--interruption" />
          Interruption
        </li>
      </ul>
    </div>
  );
}
