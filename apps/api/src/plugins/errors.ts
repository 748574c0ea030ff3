// The one place errors become responses. AppError → its code and status; a body Fastify could not
// parse or a route's schema refused → validation_failed; anything else → a generic 500 with internals kept to the log.
import { AppError } from '@rytask/core';
import type { ErrorResponse } from '@rytask/contracts';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { loggableError } from './log-redaction';

export function registerErrorHandler(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => {
    const body: ErrorResponse = {
      error: { code: 'not_found', message: `No such endpoint: ${request.method} ${request.url}`, requestId: request.id },
    };
    return reply.code(404).send(body);
  });
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    let appError: AppError;
    if (error instanceof AppError) {
      appError = error;
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      // A route's zod schema refused the input: name the field (a dotted path).
      const issue = error.validation[0];
      const path = issue?.instancePath.split('/').filter(Boolean).join('.');
      const where = error.validationContext === 'body' ? '' : `${error.validationContext}.`;
      appError = new AppError('validation_failed', issue?.message ?? 'The request is not valid.', { field: path ? `${where}${path}` : undefined });
    } else if ('statusCode' in error && error.statusCode && error.statusCode < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, body too large.
      appError = new AppError('validation_failed', error.message);
    } else {
      request.log.error(loggableError(error), 'unhandled error');
      appError = new AppError('internal', 'Something went wrong on our side. Try again; if it persists, tell your administrator.');
    }
    if (appError.retryAfterSeconds !== undefined) void reply.header('retry-after', String(appError.retryAfterSeconds));
    if (appError.detail) request.log.warn({ code: appError.code, detail: appError.detail }, appError.message);
    const body: ErrorResponse = {
      error: { code: appError.code, message: appError.message, field: appError.field, requestId: request.id },
    };
    return reply.code(appError.status).send(body);
  });
}
