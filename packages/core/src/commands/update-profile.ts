import { USER_HANDLE_KEY, uniqueViolation, updateUserProfile, type Database } from '@rytask/db';
import type { UpdateProfileRequest } from '@rytask/contracts';
import { AppError } from '../errors';
import type { Caller } from '../session';

/**
 * The caller's own name and handle. Any role, VIEWER included: it is their account, not the
 * organization's work. Handles are unique on the instance, case-insensitively.
 */
export async function updateProfile(db: Database, caller: Caller, input: UpdateProfileRequest): Promise<Caller> {
  try {
    await updateUserProfile(db, caller.user.id, input);
  } catch (error) {
    if (uniqueViolation(error) === USER_HANDLE_KEY) {
      throw new AppError('conflict', `The handle "${input.handle}" is taken. Pick another one.`, { field: 'handle' });
    }
    throw error;
  }
  return { ...caller, user: { ...caller.user, ...input } };
}
