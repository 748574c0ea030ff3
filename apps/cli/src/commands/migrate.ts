import { migrate, runSeed, seed, type SeedResult } from '@rytask/db/migrate';
import { requireDatabaseUrl, type Config } from '../config';
import { printOneTimePassword } from '../one-time-password';
import { APP_VERSION } from '../version';

function seedOptions(config: Config) {
  return {
    organizationName: config.organizationName,
    adminEmail: config.adminEmail,
    adminPassword: config.adminPassword,
    // Loaded only when the seed actually creates the owner: an idle migrate never pays for argon2.
    hashPassword: async (password: string) => (await import('@rytask/core')).hashPassword(password),
  };
}

function reportSeed(result: SeedResult, config: Config): void {
  console.log(result.inserted.length > 0 ? `Seed inserted: ${result.inserted.join(', ')}.` : 'Seed: nothing to insert.');
  if (result.generatedPassword) {
    printOneTimePassword({
      heading: `The first owner was created. Sign in at ${config.publicUrl}`,
      email: result.adminEmail,
      password: result.generatedPassword,
      footer: 'This password is shown only this once; you will choose your own at first login.',
    });
  }
}

export async function migrateCommand(config: Config, options: { seed: boolean }): Promise<void> {
  const databaseUrl = requireDatabaseUrl(config);
  const result = await migrate({
    databaseUrl,
    appVersion: APP_VERSION,
    lockWaitMs: config.lockWaitMs,
    lockTimeoutMs: config.lockTimeoutMs,
    log: (line) => console.log(line),
    // Only reached when migrations are pending; the backup code is not loaded otherwise.
    beforeApply: async (client) => (await import('./backup')).preUpgradeBackup(config)(client),
    afterMigrations: options.seed
      ? async (client) => reportSeed(await runSeed(client, seedOptions(config)), config)
      : undefined,
  });
  const total = result.alreadyApplied + result.applied.length;
  console.log(
    result.applied.length > 0
      ? `Applied ${result.applied.length} migration(s); the database is at ${total} of ${total}.`
      : `Nothing to migrate: all ${total} migration(s) already applied.`,
  );
}

export async function seedCommand(config: Config): Promise<void> {
  const result = await seed(requireDatabaseUrl(config), {
    ...seedOptions(config),
    lockWaitMs: config.lockWaitMs,
    log: (line) => console.log(line),
  });
  reportSeed(result, config);
}
