// @rytask/core: use cases, policies and errors shared by api and worker. Depends on @rytask/db.
export { AppError, httpStatusOf } from './errors';
export { hashPassword, verifyPassword } from './passwords';
export type { Caller } from './session';
export { login } from './commands/login';
export { logout } from './commands/logout';
export { authenticate } from './commands/authenticate';
export { changePassword } from './commands/change-password';
export { purgeExpiredSessions } from './commands/purge-expired-sessions';
export { assertPasswordChangeNotRequired } from './policies/password-change';
export { assertRole, hasRole } from './policies/roles';
