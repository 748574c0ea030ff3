import { listMembers as listOrganizationMembers, type Database, type MemberRow } from '@rytask/db';
import type { Caller } from '../session';

/** Everyone in the caller's organization, deactivated members included; any role may see it. */
export function listMembers(db: Database, caller: Caller): Promise<MemberRow[]> {
  return listOrganizationMembers(db, caller.organization.id);
}
