import { revokeAccessToken as revokeToken, type Database } from '@rytask/db';
import { AppError } from '../errors';
import type { Caller } from '../session';

/** Revokes one of the caller's own tokens; anyone else's (any organization) is not_found. */
export async function revokeAccessToken(db: Database, caller: Caller, id: string): Promise<void> {
  if (!(await revokeToken(db, id, caller.user.id, caller.organization.id))) {
    throw new AppError('not_found', 'No such access token.');
  }
}
