// The schema the committed migrations produce, read from the real thing rather than predicted: the
// migrations are applied to a scratch database on the same server (same PostgreSQL version, so the
// catalogs print identically), described, and the scratch database is always dropped.
import pg from 'pg';
import { migrate } from '../migrator/migrate';
import { withScratchDatabase } from '../scratch-database';
import { describeSchema, type SchemaDescription } from './describe';

/** Scratch databases are named `rytask_doctor_<random>`. */
export const SCRATCH_DATABASE_PREFIX = 'rytask_doctor';

/** Why the drift check could not run. The message says what to do. */
export class DoctorError extends Error {
  override name = 'DoctorError';
}

export interface ExpectedSchemaOptions {
  /** Stops between steps (the scratch database is still dropped); for a process shutting down. */
  signal?: AbortSignal;
}

/**
 * Needs the CREATEDB privilege (a ScratchDatabaseError says so otherwise). The scratch database
 * starts from template0, the pristine template: template1 may carry local additions.
 */
export async function expectedSchema(
  databaseUrl: string,
  migrationsDir?: string,
  options: ExpectedSchemaOptions = {},
): Promise<SchemaDescription> {
  const stopIfAborted = () => {
    if (options.signal?.aborted) throw new DoctorError('The drift check was stopped before it finished.');
  };
  stopIfAborted();
  return withScratchDatabase(databaseUrl, SCRATCH_DATABASE_PREFIX, async (scratchUrl) => {
    stopIfAborted();
    await migrate({
      databaseUrl: scratchUrl,
      appVersion: 'doctor',
      migrationsDir,
      // The scratch database is ours alone, and advisory locks are per database: no one to wait for.
      lockWaitMs: 60_000,
      lockTimeoutMs: 60_000,
      log: () => undefined,
      // No afterMigrations (`--no-seed`): the seed inserts rows, never schema.
    }).catch((error: unknown) => {
      const scratch = new URL(scratchUrl).pathname.slice(1);
      throw new DoctorError(
        `The committed migrations could not be applied to the scratch database ${scratch} (it is dropped again; ` +
          `your database was not touched), so there is nothing to compare with:\n${(error as Error).message}`,
      );
    });
    stopIfAborted();
    const client = new pg.Client({ connectionString: scratchUrl, application_name: 'rytask doctor' });
    client.on('error', () => undefined);
    await client.connect();
    try {
      return await describeSchema(client);
    } finally {
      await client.end().catch(() => undefined);
    }
  });
}
