// An operator's answer to a forgotten password (`rytask user reset-password`): a generated
// password, shown once, that must be changed at the next sign-in. Every session of the person ends
// and the account's sign-in lockout is lifted; access tokens stay (a forgotten password is not a
// leaked token: revoke those from the web app if it was).
import {
  deleteFailedLoginAttempts,
  deleteUserSessions,
  findUserByEmail,
  generatePassword,
  setTemporaryPassword,
  type Database,
} from '@rytask/db';
import { AppError } from '../errors';
import { hashPassword } from '../passwords';

export async function resetPassword(db: Database, input: { email: string }): Promise<{ email: string; password: string; sessionsEnded: number }> {
  const user = await findUserByEmail(db, input.email.trim());
  if (!user) throw new AppError('not_found', `No account has the email ${input.email.trim()}. \`rytask organization list\` shows each organization's owners.`);
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const sessionsEnded = await db.transaction(async (tx) => {
    await setTemporaryPassword(tx, user.id, passwordHash);
    await deleteFailedLoginAttempts(tx, user.email);
    return deleteUserSessions(tx, user.id);
  });
  return { email: user.email, password, sessionsEnded };
}
