// A new organization, for operators (`rytask organization create`): the organization with default
// settings and its first OWNER. An email that already has an account simply becomes the owner (they
// keep their password and reach the new organization with the organization switcher); a new email
// gets an account with a generated password, shown once and changed at first sign-in — like the seed.
import {
  findFreeHandle,
  findUserByEmail,
  generatePassword,
  insertMembership,
  insertOrganization,
  insertUser,
  slugify,
  uniqueViolation,
  type Database,
} from '@rytask/db';
import { AppError } from '../errors';
import { hashPassword } from '../passwords';

export interface CreateOrganizationInput {
  name: string;
  ownerEmail: string;
  /** The new account's name (ignored for an existing account); defaults to the email's local part. */
  ownerName?: string;
}

export interface CreatedOrganization {
  organization: { id: string; name: string; slug: string };
  owner: { id: string; email: string; existingAccount: boolean };
  /** Only when a new account was created: its one-time password. */
  generatedPassword?: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export async function createOrganization(db: Database, input: CreateOrganizationInput): Promise<CreatedOrganization> {
  const name = input.name.trim();
  const email = input.ownerEmail.trim();
  if (!name || name.length > 100) throw new AppError('validation_failed', 'Give the organization a name of 1 to 100 characters.', { field: 'name' });
  if (!EMAIL.test(email) || email.length > 320) throw new AppError('validation_failed', `"${email}" is not an email address.`, { field: 'ownerEmail' });
  // Two runs at the same moment can pick the same free slug or handle, or create the same account:
  // the loser of the unique index starts over and sees what the winner wrote.
  for (let attempt = 1; ; attempt++) {
    try {
      return await createOnce(db, name, email, input.ownerName);
    } catch (error) {
      if (attempt < 10 && uniqueViolation(error) !== undefined) continue;
      throw error;
    }
  }
}

async function createOnce(db: Database, name: string, email: string, ownerName: string | undefined): Promise<CreatedOrganization> {
  const existing = await findUserByEmail(db, email);
  if (existing?.deactivatedAt) {
    throw new AppError('conflict', `The account ${existing.email} is deactivated on this instance; pick another owner.`, { field: 'ownerEmail' });
  }
  const password = existing ? undefined : generatePassword();
  const passwordHash = password ? await hashPassword(password) : undefined;
  return db.transaction(async (tx) => {
    const organization = await insertOrganization(tx, { name, slug: slugify(name) });
    let ownerId: string;
    if (existing) {
      ownerId = existing.id;
    } else {
      const local = email.split('@')[0]!;
      ownerId = await insertUser(tx, {
        email,
        name: ownerName?.trim() || local,
        handle: await findFreeHandle(tx, local),
        passwordHash: passwordHash!,
        mustChangePassword: true,
      });
    }
    await insertMembership(tx, { organizationId: organization.id, userId: ownerId, role: 'OWNER' });
    return {
      organization,
      owner: { id: ownerId, email: existing?.email ?? email, existingAccount: Boolean(existing) },
      ...(password ? { generatedPassword: password } : {}),
    };
  });
}
