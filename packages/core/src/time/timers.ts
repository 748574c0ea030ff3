// Timers: one running per person, a row with no end (so it survives reloads, restarts and deploys).
// Starting one stops and logs the one that runs; stopping fixes the entry's class. A person's timer
// changes are serialized on their user row, so two starts at once leave exactly one timer running
// and neither caller sees an error. Every finished entry enters the report rollup in the same
// transaction.
import type { TimeClass } from '@rytask/contracts';
import {
  addEntryToDayTotals,
  findRunningTimer,
  findTimeEntry,
  holdOrganizationTimeZone,
  insertTimer,
  lockPersonTimers,
  stopRunningTimer,
  type Database,
  type Executor,
  type TimeEntryRow,
} from '@rytask/db';
import { AppError } from '../errors';
import { findItem } from '../items/item-view';
import { assertRole } from '../policies/roles';
import type { Caller } from '../session';

/** What stopping may set (stopTimerSchema). */
export type StopTimerInput = { classification?: TimeClass; note?: string };

export const itemInTrashForTime = () =>
  new AppError('conflict', 'This item is in the trash. Restore it before tracking time on it.');

/** The caller's running timer in this organization, or null. Any role. */
export async function getRunningTimer(db: Executor, caller: Caller): Promise<TimeEntryRow | null> {
  const running = await findRunningTimer(db, caller.user.id);
  return running && running.organizationId === caller.organization.id ? running : null;
}

/**
 * Stops the running entry and adds it to the rollup; the entry as it is now, or null when it was
 * deleted (or stopped) a moment ago by someone else.
 */
async function stopAndLog(tx: Executor, running: TimeEntryRow, input: StopTimerInput): Promise<{ entry: TimeEntryRow; capped: boolean } | null> {
  await holdOrganizationTimeZone(tx, running.organizationId);
  const stopped = await stopRunningTimer(tx, running.id, input);
  if (!stopped) return null;
  await addEntryToDayTotals(tx, running.id, 1);
  return { entry: (await findTimeEntry(tx, running.organizationId, running.id))!, capped: stopped.capped };
}

const noRunningTimer = () => new AppError('no_running_timer', 'You have no running timer. It may have been stopped in another tab.');

/**
 * Starts a timer on the item for the caller (MEMBER and above). A timer already running on this
 * item is the answer, unchanged; one running on another item is stopped and logged (its class from
 * its own item's priority) and returned as `stopped`. The new timer starts now — never before the
 * stopped one's end.
 */
export async function startTimer(
  db: Database,
  caller: Caller,
  itemId: string,
  input: { note?: string },
): Promise<{ timer: TimeEntryRow; stopped: TimeEntryRow | null }> {
  const item = await findItem(db, caller, itemId);
  assertRole(caller, 'MEMBER');
  if (item.deletedAt) throw itemInTrashForTime();
  const organizationId = caller.organization.id;
  return db.transaction(async (tx) => {
    await lockPersonTimers(tx, caller.user.id);
    const running = await findRunningTimer(tx, caller.user.id);
    if (running?.item.id === item.id) return { timer: running, stopped: null };
    const stopped = running ? ((await stopAndLog(tx, running, {}))?.entry ?? null) : null;
    await holdOrganizationTimeZone(tx, organizationId);
    const id = await insertTimer(tx, { organizationId, itemId: item.id, userId: caller.user.id, note: input.note ?? '', notBefore: stopped?.endedAt ?? undefined });
    return { timer: (await findTimeEntry(tx, organizationId, id))!, stopped };
  });
}

/**
 * Stops the caller's running timer (MEMBER and above): ended now, at least 1 s after its start and
 * at most 24 h (`capped` when it ran longer). Its class is the one given, else urgent item →
 * interruption, else planned — fixed from then on. No timer running → `no_running_timer`.
 */
export async function stopTimer(db: Database, caller: Caller, input: StopTimerInput): Promise<{ entry: TimeEntryRow; capped: boolean }> {
  assertRole(caller, 'MEMBER');
  return db.transaction(async (tx) => {
    await lockPersonTimers(tx, caller.user.id);
    const running = await findRunningTimer(tx, caller.user.id);
    if (!running || running.organizationId !== caller.organization.id) throw noRunningTimer();
    const stopped = await stopAndLog(tx, running, input);
    if (!stopped) throw noRunningTimer();
    return stopped;
  });
}

/**
 * Stops and logs a member's running timer in this organization once they may no longer track time
 * here (made a viewer, deactivated): otherwise it would run on with nobody able to stop it. Its
 * class comes from its item, as for any timer stopped without a choice. Returns the entry, or null
 * when nothing was running here.
 */
export async function stopTimerOfFormerMember(db: Database, organizationId: string, userId: string): Promise<TimeEntryRow | null> {
  return db.transaction(async (tx) => {
    await lockPersonTimers(tx, userId);
    const running = await findRunningTimer(tx, userId);
    if (!running || running.organizationId !== organizationId) return null;
    return (await stopAndLog(tx, running, {}))?.entry ?? null;
  });
}
