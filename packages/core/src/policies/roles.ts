// What each role may do (product.md, "Organization and members"). Every use case states the least
// role it needs; routes never compare role names themselves.
import type { Role } from '@rytask/contracts';
import { AppError } from '../errors';
import type { Caller } from '../session';

const RANK: Record<Role, number> = { VIEWER: 0, MEMBER: 1, ADMIN: 2, OWNER: 3 };

/**
 * - VIEWER: read-only.
 * - MEMBER: create and edit work (items, comments, labels, saved views), track own time.
 * - ADMIN: also members, invites, organization settings, projects and their statuses.
 * - OWNER: everything, including other owners.
 */
export function hasRole(caller: Pick<Caller, 'role'>, least: Role): boolean {
  return RANK[caller.role] >= RANK[least];
}

export function assertRole(caller: Caller, least: Role): void {
  if (!hasRole(caller, least)) {
    throw new AppError('forbidden', least === 'MEMBER' ? 'Viewers can look but not change anything. Ask an admin for a member role.' : `Only an ${least === 'ADMIN' ? 'owner or admin' : 'owner'} can do this.`);
  }
}
