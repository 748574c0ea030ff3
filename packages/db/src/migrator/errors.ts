/**
 * Why the migrator refused or failed. Each message says what happened and what to do next; the
 * CLI prints it and exits non-zero. `kind` is stable for tests and `status --json`.
 */
export type MigrationErrorKind =
  | 'journal_invalid'
  | 'database_newer'
  | 'migration_changed'
  | 'out_of_order'
  | 'migration_failed'
  | 'lock_wait_timeout'
  | 'lock_timeout';

export class MigrationError extends Error {
  constructor(
    readonly kind: MigrationErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}
