import type { TimeClass } from '@rytask/contracts';

export const CLASS_LABEL: Record<TimeClass, string> = { planned: 'Planned', interruption: 'Interruption' };

/** A small swatch and word: the class's colour never stands alone. */
export function ClassBadge({ classification, text }: { classification: TimeClass; text?: string }) {
  return <span className={`class-badge class-badge--${classification}`}>{text ?? CLASS_LABEL[classification]}</span>;
}
