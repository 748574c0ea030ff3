import type { Database } from '@rytask/db';
import type pg from 'pg';

/** What routes are given: the database and the few settings that shape responses. */
export interface ApiContext {
  db: Database;
  pool: pg.Pool;
  secureCookies: boolean;
  appVersion: string;
  /** Where people reach RyTask (PUBLIC_URL), without a trailing slash: invite links start with it. */
  publicUrl: string;
}
