import type { ErrorResponse } from '@rytask/contracts';
import { CSRF_HEADER } from '@rytask/contracts/constants';

/** The API's error codes, plus two the client makes up when there is no API answer to read. */
export type ApiErrorCode = ErrorResponse['error']['code'] | 'network' | 'unexpected_response';

/** Every failed request becomes one of these, carrying the API's message for the user. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly field?: string,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type ErrorListener = (error: ApiError) => void;
const errorListeners = new Set<ErrorListener>();

/**
 * Hear about every failed request, wherever it was made. The app uses this to react to answers
 * that concern the whole session (expired, password change required) in one place.
 */
export function onApiError(listener: ErrorListener): () => void {
  errorListeners.add(listener);
  return () => errorListeners.delete(listener);
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export async function apiRequest<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: string | undefined;
  if (method !== 'GET') {
    // The API rejects cookie-authenticated writes without this header (a cross-site form cannot
    // set it). Writes without a body send `{}`: some servers refuse an empty JSON body.
    headers[CSRF_HEADER] = '1';
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body ?? {});
  }

  let response: Response;
  try {
    response = await (takeEarly(method, path) ?? fetch(`/api/v1${path}`, { method, headers, body: payload, credentials: 'same-origin' }));
  } catch {
    throw report(
      new ApiError(0, 'network', 'Could not reach the RyTask server. Check your connection and try again.'),
    );
  }

  if (response.status === 204) return undefined as T;
  const data = await readJson(response);
  if (response.ok) return data as T;
  throw report(toApiError(response.status, data));
}

declare global {
  interface Window {
    /** GET requests index.html started before the app's JavaScript loaded, by path (a board's data). */
    __rytaskEarly?: Record<string, Promise<Response> | undefined>;
  }
}

/** Only the app's start-up requests take an early answer; anything asked later is asked afresh. */
const EARLY_FOR_MS = 10_000;

/**
 * The answer to a request index.html already made while the app's JavaScript was loading (the
 * session, projects, organization and items of a board address), so start-up does not wait for the
 * JavaScript before asking. Each answer is used once, by the first identical GET in the page's
 * first seconds; the rest are dropped then.
 */
function takeEarly(method: Method, path: string): Promise<Response> | undefined {
  const early = window.__rytaskEarly;
  if (!early) return undefined;
  if (performance.now() > EARLY_FOR_MS) {
    delete window.__rytaskEarly;
    return undefined;
  }
  if (method !== 'GET') return undefined;
  const response = early[path];
  delete early[path];
  return response;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function toApiError(status: number, data: unknown): ApiError {
  if (isErrorResponse(data)) {
    const { code, message, field, requestId } = data.error;
    return new ApiError(status, code, message, field, requestId);
  }
  // A proxy page or a crash before the API's error handler: nothing useful to show but the status.
  return new ApiError(
    status,
    'unexpected_response',
    `The server answered unexpectedly (HTTP ${status}). Try again in a moment.`,
  );
}

function isErrorResponse(data: unknown): data is ErrorResponse {
  if (typeof data !== 'object' || data === null || !('error' in data)) return false;
  const error: unknown = data.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}

function report(error: ApiError): ApiError {
  for (const listener of errorListeners) listener(error);
  return error;
}
