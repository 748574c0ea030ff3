import { AppError } from '../errors';
import type { Caller } from '../session';

/** A user whose password was generated at install may do nothing but change it. */
export function assertPasswordChangeNotRequired(caller: Caller): void {
  if (caller.user.mustChangePassword) {
    throw new AppError(
      'password_change_required',
      'Change your password to continue: the current one was generated at install.',
    );
  }
}
