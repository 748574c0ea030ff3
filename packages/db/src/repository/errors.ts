/**
 * The constraint (or unique index) a failed insert/update collided with, or undefined when the
 * error is not a unique violation. Drizzle wraps the driver's error, so the cause is checked too.
 */
export function uniqueViolation(error: unknown): string | undefined {
  for (let e = error; e instanceof Error; e = e.cause) {
    const pgError = e as Error & { code?: string; constraint?: string };
    if (pgError.code === '23505') return pgError.constraint ?? '';
  }
  return undefined;
}
