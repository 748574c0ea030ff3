import { deleteOtherSessions, findUserById, updateUserPassword, type Database } from '@rytask/db';
import type { ChangePasswordRequest } from '@rytask/contracts';
import { AppError } from '../errors';
import { hashPassword, verifyPassword } from '../passwords';
import type { Caller } from '../session';
import { assertSignedInSession } from '../policies/credentials';

export async function changePassword(db: Database, caller: Caller, input: ChangePasswordRequest): Promise<Caller> {
  assertSignedInSession(caller, 'change the password');
  const user = await findUserById(db, caller.user.id);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('invalid_credentials', 'Your current password is not correct.', { field: 'currentPassword' });
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError('validation_failed', 'Choose a password different from the current one.', { field: 'newPassword' });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await updateUserPassword(tx, user.id, passwordHash);
    // Anyone else holding a session from the old password is signed out.
    await deleteOtherSessions(tx, user.id, caller.sessionId);
  });
  return { ...caller, user: { ...caller.user, mustChangePassword: false } };
}
