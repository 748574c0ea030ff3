import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { users } from '../schema';

export type User = typeof users.$inferSelect;

/** The unique indexes behind "that email/handle is taken" (both case-insensitive). */
export const USER_EMAIL_KEY = 'users_email_lower_key';
export const USER_HANDLE_KEY = 'users_handle_lower_key';

export async function findUserByEmail(db: Executor, email: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
  return row;
}

export async function findUserById(db: Executor, id: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

/** Throws a unique violation (USER_EMAIL_KEY / USER_HANDLE_KEY) when the email or handle is taken. */
export async function insertUser(
  db: Executor,
  values: { email: string; name: string; handle: string; passwordHash: string; mustChangePassword?: boolean },
): Promise<string> {
  const [row] = await db.insert(users).values(values).returning({ id: users.id });
  return row!.id;
}

export async function updateUserPassword(db: Executor, id: string, passwordHash: string): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash, mustChangePassword: false, updatedAt: sql`now()` })
    .where(eq(users.id, id));
}

/** A password set for the person by someone else (an operator's reset): they must choose their own at next sign-in. */
export async function setTemporaryPassword(db: Executor, id: string, passwordHash: string): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash, mustChangePassword: true, updatedAt: sql`now()` })
    .where(eq(users.id, id));
}

/** Throws a unique violation (USER_HANDLE_KEY) when the handle is taken. */
export async function updateUserProfile(db: Executor, id: string, changes: { name?: string; handle?: string }): Promise<void> {
  if (changes.name === undefined && changes.handle === undefined) return;
  await db
    .update(users)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(users.id, id));
}

/** A handle made from `wanted` (e.g. an email's local part) that nobody has yet: `sam`, else `sam2`, `sam3`… */
export async function findFreeHandle(db: Executor, wanted: string): Promise<string> {
  let base = wanted.toLowerCase().replace(/[^a-z0-9_.-]/g, '').replace(/^[^a-z0-9]+/, '').slice(0, 28);
  if (base.length < 2) base = `user${base}`;
  const taken = new Set(
    (await db.execute<{ handle: string }>(sql`SELECT lower(handle) AS handle FROM users WHERE lower(handle) LIKE ${`${base}%`}`)).rows.map((r) => r.handle),
  );
  let handle = base;
  for (let n = 2; taken.has(handle); n++) handle = `${base}${n}`;
  return handle;
}
