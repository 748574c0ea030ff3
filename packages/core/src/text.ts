/**
 * PostgreSQL text and jsonb cannot hold U+0000, and a NUL is never meaningful in what people
 * type: it is dropped rather than failing the request with a database error.
 */
export function withoutNul<T>(value: T): T {
  if (typeof value === 'string') return value.replaceAll('\u0000', '') as T;
  if (Array.isArray(value)) return value.map(withoutNul) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [withoutNul(key), withoutNul(v)])) as T;
  }
  return value;
}
