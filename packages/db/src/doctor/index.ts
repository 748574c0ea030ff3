// Drift detection for `rytask doctor` and the api's boot warning: is the live `public` schema
// exactly what the committed migrations produce? Catches `drizzle-kit push` and hand edits.
import pg from 'pg';
import { describeSchema } from './describe';
import { diffSchemas } from './diff';
import { DoctorError, expectedSchema } from './expected';

export { describeSchema, type SchemaDescription } from './describe';
export { diffSchemas } from './diff';
export { DoctorError, SCRATCH_DATABASE_PREFIX, expectedSchema } from './expected';

export interface CheckDriftOptions {
  databaseUrl: string;
  migrationsDir?: string;
  /** Stops between steps, still dropping the scratch database; rejects with a DoctorError. */
  signal?: AbortSignal;
}

/** Read-only on `databaseUrl`; needs CREATEDB for the scratch database (see expected.ts). */
export async function checkDrift(options: CheckDriftOptions): Promise<{ differences: string[] }> {
  // The live database first: if it is unreachable there is no point building a scratch one.
  const client = new pg.Client({ connectionString: options.databaseUrl, application_name: 'rytask doctor' });
  client.on('error', () => undefined);
  await client.connect().catch((error: unknown) => {
    throw new DoctorError(
      `Cannot reach the database to read its schema: ${(error as Error).message}. Check DATABASE_URL and that PostgreSQL is running.`,
    );
  });
  let actual;
  try {
    actual = await describeSchema(client);
  } finally {
    await client.end().catch(() => undefined);
  }
  const expected = await expectedSchema(options.databaseUrl, options.migrationsDir, { signal: options.signal });
  return { differences: diffSchemas(expected, actual) };
}
