// One real PostgreSQL for the whole test run (17, or RYTASK_TEST_PG), plus a migrated template
// database that each test file clones (CREATE DATABASE … TEMPLATE) in milliseconds.
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate } from '@rytask/db';
import { startPostgres, testPostgresMajor } from './postgres';

export const TEMPLATE_DATABASE = 'rytask_template';

export default async function setup(project: TestProject) {
  const server = await startPostgres(testPostgresMajor());
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  const { rows } = await admin.query<{ server_version: string }>('SHOW server_version');
  console.log(`Tests run on PostgreSQL ${rows[0]!.server_version}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();
  await migrate({
    databaseUrl: server.urlOf(TEMPLATE_DATABASE),
    appVersion: 'test',
    lockWaitMs: 10_000,
    lockTimeoutMs: 10_000,
    log: () => undefined,
  });
  project.provide('pgAdminUrl', server.adminUrl);
  return () => server.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}
