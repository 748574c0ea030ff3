import { listAccessTokens as listTokens, type AccessTokenSummary, type Database } from '@rytask/db';
import type { Caller } from '../session';

/** The caller's own tokens in this organization that are not revoked (expired ones included). */
export function listAccessTokens(db: Database, caller: Caller): Promise<AccessTokenSummary[]> {
  return listTokens(db, caller.user.id, caller.organization.id);
}
