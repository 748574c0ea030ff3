// @rytask/db: schema, migrator, seed and repositories. Imports nothing of ours.
export * as schema from './schema';
export { createDatabase, type Database, type DatabaseHandle, type Executor } from './client';
export * from './migrator/index';
export * from './doctor/index';
export { runSeed, seed, generatePassword, type SeedOptions, type SeedResult } from './seed/seed';
export * from './repository/users.repo';
export * from './repository/memberships.repo';
export * from './repository/sessions.repo';
export * from './repository/access-tokens.repo';
export * from './repository/login-attempts.repo';
export * from './repository/invites.repo';
export * from './repository/organizations.repo';
export { uniqueViolation } from './repository/errors';
export * from './backup/index';
export { withScratchDatabase, ScratchDatabaseError } from './scratch-database';
