// What a caller may do depending on how they authenticated: a session cookie or an access token.
import { AppError } from '../errors';
import type { Caller } from '../session';

/** A read-scope access token may read (GET/HEAD/OPTIONS) and nothing else. */
export function assertScopeAllows(caller: Caller, isWrite: boolean): void {
  if (isWrite && caller.scope === 'read') {
    throw new AppError('forbidden', 'This access token is read-only. Create a read_write token to make changes.');
  }
}

/**
 * Creating access tokens and changing the password need a signed-in session: a leaked token must
 * not be able to mint more tokens or lock its owner out.
 */
export function assertSignedInSession(caller: Caller, action: string): asserts caller is Caller & { via: 'session' } {
  if (caller.via !== 'session') {
    throw new AppError('forbidden', `Access tokens cannot ${action}. Sign in with your password to do it.`);
  }
}
