// Input hygiene for every route, before its schema validates: PostgreSQL text and jsonb cannot hold
// U+0000, and a NUL is never meaningful in what people type, so it is dropped from the body, the
// query string and the path parameters rather than failing the request with a database error.
import type { FastifyInstance } from 'fastify';

export function withoutNul<T>(value: T): T {
  if (typeof value === 'string') return (value.includes('\u0000') ? value.replaceAll('\u0000', '') : value) as T;
  if (Array.isArray(value)) return value.map(withoutNul) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [withoutNul(key), withoutNul(v)])) as T;
  }
  return value;
}

export function registerInputHygiene(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.body !== undefined) request.body = withoutNul(request.body);
    request.query = withoutNul(request.query);
    request.params = withoutNul(request.params);
  });
}
