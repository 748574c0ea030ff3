import type { Item } from '@rytask/contracts';
import { useRunningItemId, useTimerActions } from '../api/timer';
import { TimeMeter } from './time-meter';
import { TimerButton } from './timer-button';

/** The item page's meter and, for people who track time, its timer button. */
export function ItemTimer({ item, editable }: { item: Item; editable: boolean }) {
  const runningItemId = useRunningItemId(editable);
  const { toggle } = useTimerActions();
  return (
    <div className="item-timer">
      <TimeMeter loggedSeconds={item.loggedSeconds ?? 0} estimateMinutes={item.estimateMinutes} showEmpty size="large" />
      {editable && <TimerButton item={item} running={runningItemId === item.id} onToggle={toggle} look="labelled" />}
    </div>
  );
}
