// `rytask user reset-password --email EMAIL`: the way back in for someone who forgot their password.
import { resetPassword } from '@rytask/core';
import { createDatabase } from '@rytask/db';
import { requireDatabaseUrl, type Config } from '../config';
import { printOneTimePassword } from '../one-time-password';

const USAGE = 'Usage: rytask user reset-password --email EMAIL';

export async function userCommand(config: Config, action: string | undefined, options: { email?: string }): Promise<number> {
  if (action !== 'reset-password') {
    console.error(`${action ? `Unknown action "${action}".` : 'Say what to do.'}\n${USAGE}`);
    return 2;
  }
  if (!options.email) {
    console.error(`Which account? Give its --email.\n${USAGE}`);
    return 2;
  }
  const handle = createDatabase(requireDatabaseUrl(config), { max: 1, applicationName: 'rytask user' });
  try {
    const reset = await resetPassword(handle.db, { email: options.email });
    console.log(`Password reset for ${reset.email}; ${reset.sessionsEnded} session${reset.sessionsEnded === 1 ? '' : 's'} signed out.`);
    printOneTimePassword({
      heading: `Sign in at ${config.publicUrl}`,
      email: reset.email,
      password: reset.password,
      footer: 'Shown only this once; a new password must be chosen at sign-in. Access tokens still work.',
    });
    return 0;
  } finally {
    await handle.close();
  }
}
