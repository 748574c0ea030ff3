// The one error type of RyTask. A fixed set of codes (declared in @rytask/contracts so clients can
// rely on them), each with one HTTP status. `message` is for the user; `detail` only for the log.
import type { ErrorCode } from '@rytask/contracts';

export const httpStatusOf: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  password_change_required: 403,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  no_running_timer: 409,
  too_many_attempts: 429,
  not_ready: 503,
  internal: 500,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly detail?: string;
  /** For too_many_attempts: sent as the `Retry-After` header (seconds). */
  readonly retryAfterSeconds?: number;

  constructor(
    code: ErrorCode,
    message: string,
    options: { field?: string; detail?: string; cause?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.field = options.field;
    this.detail = options.detail;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return httpStatusOf[this.code];
  }
}
