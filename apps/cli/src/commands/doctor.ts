import { checkDrift, DoctorError, ScratchDatabaseError } from '@rytask/db';
import { requireDatabaseUrl, type Config } from '../config';

const HINT = `
How drift happens: the schema was changed outside the committed migrations, by \`drizzle-kit push\`
against this database or by a hand edit (ALTER TABLE, CREATE INDEX…) in psql. Upgrades assume the
schema the migrations produce, so drift can make a later migration fail or behave differently.
What to do:
  - undo the hand change, if it was a mistake or an experiment;
  - or keep it by capturing it in a new migration: change packages/db/src/schema.ts and run
    \`npm run migration:generate -- --name <name>\` (or write it with \`npm run migration:new -- --name <name>\`),
    written so it also applies where the change already exists (ADD COLUMN IF NOT EXISTS…);
  - or restore a backup taken before the change (docs/self-hosting/backups.md).
See docs/self-hosting/doctor.md.`;

/**
 * Read-only on the database: compares its schema with the one the committed migrations produce
 * (built in a scratch database, dropped afterwards). Exit 0: no drift; 1: drift; 2: could not check.
 */
export async function doctorCommand(config: Config, options: { json: boolean }): Promise<number> {
  const databaseUrl = requireDatabaseUrl(config);
  let differences: string[];
  try {
    ({ differences } = await checkDrift({ databaseUrl }));
  } catch (error) {
    // Known reasons carry their own advice; anything else reaches main with its stack.
    if (!(error instanceof DoctorError || error instanceof ScratchDatabaseError)) throw error;
    if (options.json) console.log(JSON.stringify({ ok: false, error: error.message }, null, 2));
    console.error(`The drift check could not run. ${error.message}`);
    return 2;
  }
  const ok = differences.length === 0;
  if (options.json) {
    console.log(JSON.stringify({ ok, differences }, null, 2));
  } else if (ok) {
    console.log('No drift: the database schema is exactly what the migrations produce.');
  } else {
    console.log(
      `Schema drift: ${differences.length} difference(s) between the database and what the migrations produce:\n` +
        `${differences.map((line) => `  - ${line}`).join('\n')}\n${HINT}`,
    );
  }
  return ok ? 0 : 1;
}
