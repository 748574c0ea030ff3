// Helpers shared by the work repositories (projects, statuses, labels, items). Not exported from
// the package: callers get plain results ('taken', undefined) instead of driver errors.

/** True when the error (or a cause drizzle wrapped it in) is a unique violation of `constraint`. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    const pgError = e as Error & { code?: string; constraint?: string };
    if (pgError.code === '23505') return pgError.constraint === constraint;
  }
  return false;
}

/** A person as items show them. */
export interface WorkPerson {
  id: string;
  name: string;
  handle: string | null;
}
