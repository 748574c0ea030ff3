// Throwaway databases on the same server as the real one: for `rytask verify`, rehearsals and
// drift checks. Always dropped afterwards, whatever happens.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export class ScratchDatabaseError extends Error {
  override name = 'ScratchDatabaseError';
}

export async function withScratchDatabase<T>(databaseUrl: string, prefix: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl, application_name: 'rytask scratch' });
  admin.on('error', () => undefined);
  await admin.connect();
  try {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
    } catch (error) {
      throw new ScratchDatabaseError(
        `Could not create a scratch database on this server (${(error as Error).message}). This check needs a ` +
          'role with the CREATEDB privilege: ALTER ROLE <role> CREATEDB, or run it with DATABASE_URL of such a role.',
      );
    }
    try {
      const url = new URL(databaseUrl);
      url.pathname = `/${name}`;
      return await fn(url.toString());
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    }
  } finally {
    await admin.end().catch(() => undefined);
  }
}
