// Secrets never reach the log: invite links carry their token in the path, and a failed database
// query's error repeats its parameters (password hashes, token hashes) in its message.
import type { FastifyRequest } from 'fastify';

/** Invite tokens (43 base64url characters) in `/invite/<token>` and `/api/v1/invites/<token>[/accept]`. */
const INVITE_TOKEN_IN_PATH = /(\/invites?\/)[A-Za-z0-9_-]{43}(?=$|[/?#])/;

export function redactUrl(url: string): string {
  return url.replace(INVITE_TOKEN_IN_PATH, '$1[redacted]');
}

/** Fastify's request serializer, with the URL redacted. */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/**
 * What to log of an unexpected error. Drizzle's query errors carry the query's parameters in their
 * message and fields; log the driver's error (the cause) and the SQL text, never the values.
 */
export function loggableError(error: unknown): { err: unknown; query?: string } {
  if (error instanceof Error && 'query' in error && 'params' in error) {
    return { err: error.cause ?? new Error('database query failed'), query: String(error.query) };
  }
  return { err: error };
}
