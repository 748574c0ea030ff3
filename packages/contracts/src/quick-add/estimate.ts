// `~estimate`: days, hours and minutes in that order, each optional, decimals allowed
// (`30m`, `2h`, `1h30m`, `1.5h`, `1d`, `2d4h`). Exact decimal arithmetic (BigInt), so `~0.025h`
// rounds to 2 minutes as written, not to whatever the nearest binary float suggests.
import { type Outcome } from './words';

export const MAX_ESTIMATE_DAYS = 1000;
const ESTIMATE = /^(?:(\d+(?:\.\d+)?)d)?(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?$/i;

export function resolveEstimate(text: string, minutesPerDay: number): Outcome<number> {
  const match = ESTIMATE.exec(text.slice(1));
  const parts = match
    ? ([
        [match[1], minutesPerDay],
        [match[2], 60],
        [match[3], 1],
      ] as const).filter((part): part is readonly [string, number] => part[0] !== undefined)
    : [];
  if (parts.length === 0) {
    return {
      ok: false,
      message: `${text} is not an estimate (try ~30m, ~2h, ~1h30m, ~1.5h or ~1d) — kept in the title.`,
    };
  }
  // Every number scaled to the same number of decimals: total minutes = sum / 10^scale.
  const scale = Math.max(...parts.map(([number]) => number.split('.')[1]?.length ?? 0));
  const sum = parts.reduce((total, [number, unit]) => {
    const [whole, fraction = ''] = number.split('.');
    return total + BigInt(whole + fraction.padEnd(scale, '0')) * BigInt(unit);
  }, 0n);
  const denominator = 10n ** BigInt(scale);
  const minutes = (2n * sum + denominator) / (2n * denominator); // round half up
  if (minutes === 0n) return { ok: false, message: `${text} is less than a minute — kept in the title.` };
  if (minutes > BigInt(MAX_ESTIMATE_DAYS * minutesPerDay)) {
    return { ok: false, message: `${text} is more than ${MAX_ESTIMATE_DAYS} working days — kept in the title.` };
  }
  return { ok: true, value: Number(minutes), display: formatMinutes(Number(minutes)) };
}

/** 90 → "1h 30m", 120 → "2h", 45 → "45m". Days are shown as hours: a day's length is a setting. */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return [hours ? `${hours}h` : '', rest ? `${rest}m` : ''].filter(Boolean).join(' ');
}
