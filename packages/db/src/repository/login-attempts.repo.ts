import { and, asc, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client';
import { loginAttempts } from '../schema';

/**
 * Records an attempt as failed *before* the password is checked, so parallel guesses see each
 * other; `markLoginAttemptSucceeded` flips it after a match. clock_timestamp(), not now(), so two
 * attempts in one transaction still get an order.
 */
export async function insertPendingLoginAttempt(db: Executor, email: string, ip: string | null): Promise<{ id: string; attemptedAt: Date }> {
  const [row] = await db
    .insert(loginAttempts)
    .values({ email, ip, succeeded: false, attemptedAt: sql`clock_timestamp()` })
    .returning({ id: loginAttempts.id, attemptedAt: loginAttempts.attemptedAt });
  return row!;
}

export async function markLoginAttemptSucceeded(db: Executor, id: string): Promise<void> {
  await db.update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, id));
}

export async function deleteLoginAttempt(db: Executor, id: string): Promise<void> {
  await db.delete(loginAttempts).where(eq(loginAttempts.id, id));
}

/** Forgets an account's failed sign-ins (its lockout), e.g. after an operator reset its password. */
export async function deleteFailedLoginAttempts(db: Executor, email: string): Promise<void> {
  await db.delete(loginAttempts).where(and(eq(loginAttempts.email, email.trim().toLowerCase()), eq(loginAttempts.succeeded, false)));
}

/**
 * The failures that came before attempt `id` (ordered by time, then id), oldest first, looking back
 * `accountLookbackMs` for its email — only those since that email's last success — and `ipLookbackMs`
 * for its IP. Times are the database's, like the attempt's own.
 */
export async function findFailuresBefore(
  db: Executor,
  attempt: { id: string; email: string; ip: string | null },
  { accountLookbackMs, ipLookbackMs }: { accountLookbackMs: number; ipLookbackMs: number },
): Promise<{ accountFailures: Date[]; ipFailures: Date[] }> {
  const mine = sql`(SELECT attempted_at, id FROM login_attempts WHERE id = ${attempt.id})`;
  const before = sql`(${loginAttempts.attemptedAt}, ${loginAttempts.id}) < ${mine}`;
  const within = (ms: number): SQL =>
    sql`${loginAttempts.attemptedAt} > (SELECT attempted_at FROM login_attempts WHERE id = ${attempt.id}) - ${ms}::float8 * interval '1 millisecond'`;
  const lastSuccess = sql`coalesce((SELECT max(s.attempted_at) FROM login_attempts s
    WHERE s.email = ${attempt.email} AND s.succeeded AND (s.attempted_at, s.id) < ${mine}), '-infinity')`;
  const times = (where: SQL | undefined) =>
    db
      .select({ at: loginAttempts.attemptedAt })
      .from(loginAttempts)
      .where(where)
      .orderBy(asc(loginAttempts.attemptedAt), asc(loginAttempts.id))
      .then((rows) => rows.map((r) => r.at));
  const [accountFailures, ipFailures] = await Promise.all([
    times(
      and(
        eq(loginAttempts.email, attempt.email),
        eq(loginAttempts.succeeded, false),
        before,
        within(accountLookbackMs),
        sql`${loginAttempts.attemptedAt} > ${lastSuccess}`,
      ),
    ),
    attempt.ip === null
      ? Promise.resolve([])
      : times(and(eq(loginAttempts.ip, attempt.ip), eq(loginAttempts.succeeded, false), before, within(ipLookbackMs))),
  ]);
  return { accountFailures, ipFailures };
}

/** Housekeeping for the hourly purge: attempts older than `olderThanMs` no longer decide anything. */
export async function deleteLoginAttemptsOlderThan(db: Executor, olderThanMs: number): Promise<number> {
  const rows = await db
    .delete(loginAttempts)
    .where(lt(loginAttempts.attemptedAt, sql`now() - ${olderThanMs}::float8 * interval '1 millisecond'`))
    .returning({ id: loginAttempts.id });
  return rows.length;
}
