import { ApiError } from './api-client';

/** What to tell the person about a failure: the API's own message when there is one. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Try again in a moment.';
}

/** The form field an API error is about, if it is one of the fields this form shows. */
export function fieldOf<F extends string>(error: unknown, fields: readonly F[]): F | undefined {
  if (!(error instanceof ApiError) || !error.field) return undefined;
  return fields.find((field) => field === error.field);
}
