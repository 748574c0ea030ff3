import type { Item } from '@rytask/contracts';
import { parseQuickAdd } from '@rytask/contracts/quick-add';
import { useEffect, useState } from 'react';
import { formatMinutes } from '../../../lib/format';
import { useOrganization } from '../api/reference-data';
import type { useItemSave } from '../use-item-save';

type Props = { id: string; item: Item; save: ReturnType<typeof useItemSave>['save'] };

/** Reads an estimate with the quick-add grammar's `~` rules, so `2h`, `1h30m`, `1.5h`, `1d` all work. */
export function parseEstimate(text: string, workingMinutesPerDay?: number): number | null | undefined {
  const trimmed = text.trim().replace(/^~/, '').replace(/\s+/g, '');
  if (!trimmed) return null;
  const result = parseQuickAdd(`x ~${trimmed}`, { members: [], labels: [], today: '2000-01-01', workingMinutesPerDay });
  return result.estimateMinutes;
}

export function EstimateField({ id, item, save }: Props) {
  const organization = useOrganization();
  const shown = item.estimateMinutes ? formatMinutes(item.estimateMinutes).replace(' ', '') : '';
  const [draft, setDraft] = useState(shown);
  const [problem, setProblem] = useState<string>();

  useEffect(() => setDraft(shown), [shown]);

  async function commit() {
    const minutes = parseEstimate(draft, organization.data?.workingMinutesPerDay);
    if (minutes === undefined) return setProblem('Use a duration like 30m, 2h, 1h30m or 1d');
    setProblem(undefined);
    if (minutes !== item.estimateMinutes) await save({ estimateMinutes: minutes });
  }

  return (
    <span className="inline-field inline-field--column">
      <input
        id={id}
        className="select inline-field__short"
        value={draft}
        placeholder="e.g. 2h"
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void commit();
          }
        }}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
        data-testid="field-estimate"
      />
      {problem && (
        <span className="field__error" id={`${id}-error`}>
          {problem}
        </span>
      )}
    </span>
  );
}
