// Who may change whom (product.md, "Organization and members"): ADMIN and OWNER manage members,
// but only an OWNER touches ownership, and the last active OWNER stays an active OWNER.
import type { Role } from '@rytask/contracts';
import { AppError } from '../errors';
import type { Caller } from '../session';
import { hasRole } from './roles';

/** Making someone an OWNER, or changing an OWNER's role, takes an OWNER. */
export function assertMayChangeRole(caller: Caller, from: Role, to: Role): void {
  if ((from === 'OWNER' || to === 'OWNER') && !hasRole(caller, 'OWNER')) {
    throw new AppError('forbidden', "Only an owner can make someone an owner or change an owner's role.");
  }
}

/** Deactivating or reactivating an OWNER takes an OWNER. */
export function assertMayChangeActivation(caller: Caller, target: { role: Role }): void {
  if (target.role === 'OWNER' && !hasRole(caller, 'OWNER')) {
    throw new AppError('forbidden', 'Only an owner can deactivate or reactivate an owner.');
  }
}

/**
 * Refuses a change that takes the last active OWNER away: `target` is an active OWNER about to stop
 * being one (demoted or deactivated) and `activeOwners` counts them, target included.
 */
export function assertKeepsAnOwner(target: { name: string; role: Role; deactivatedAt: Date | null }, activeOwners: number): void {
  if (target.role === 'OWNER' && target.deactivatedAt === null && activeOwners <= 1) {
    throw new AppError(
      'conflict',
      `${target.name} is the organization's last active owner. Make someone else an owner first.`,
    );
  }
}
