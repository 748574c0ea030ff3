// Who may change a time entry (product.md, "Time tracking"): its owner, while they may track time
// (MEMBER and above), or an OWNER/ADMIN, who keep the team's records straight.
import { AppError } from '../errors';
import type { Caller } from '../session';
import { hasRole } from './roles';

export function canChangeTimeEntry(caller: Caller, entry: { person: { id: string } }): boolean {
  return (entry.person.id === caller.user.id && hasRole(caller, 'MEMBER')) || hasRole(caller, 'ADMIN');
}

export function assertCanChangeTimeEntry(caller: Caller, entry: { person: { id: string } }): void {
  if (!canChangeTimeEntry(caller, entry)) {
    throw new AppError('forbidden', 'Only the person who logged this time, an owner or an admin can change or delete it.');
  }
}
