export { MigrationError, type MigrationErrorKind } from './errors';
export { defaultMigrationsDir, loadMigrations, sha256, type Migration } from './journal';
export { HISTORY_TABLE, readHistory } from './history';
export { migrate, type MigrateOptions, type MigrateResult } from './migrate';
export { isUpToDate, planMigrations, type MigrationPlan } from './plan';
export { checkSchema, integrityError, schemaMismatch } from './schema-check';
export { MIGRATION_LOCK_KEY } from './lock';
