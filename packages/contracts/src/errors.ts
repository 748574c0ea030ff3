import { z } from 'zod';

/**
 * Every error the API can answer with. The code is stable (clients branch on it); the message is
 * for people. docs/api/errors.md documents each one, and a test fails when one is missing there.
 */
export const errorCodes = [
  'validation_failed',
  'unauthenticated',
  'invalid_credentials',
  'password_change_required',
  'csrf_failed',
  'forbidden',
  'not_found',
  'conflict',
  'no_running_timer',
  'too_many_attempts',
  'not_ready',
  'internal',
] as const;
export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const errorResponseSchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    /** For validation_failed: the field at fault, as a dotted path (e.g. "newPassword"). */
    field: z.string().optional(),
    requestId: z.string().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
