// Plain values shared by api and web, kept free of zod so the web bundle does not carry it.
export const MIN_PASSWORD_LENGTH = 12;
/** Cookie-authenticated writes must carry this header (a cross-site form cannot set it). */
export const CSRF_HEADER = 'x-rytask-csrf';
export const SESSION_COOKIE = 'rytask_session';
