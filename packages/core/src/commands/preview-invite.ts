import { findUsableInvite, type Database } from '@rytask/db';
import type { Role } from '@rytask/contracts';
import { AppError } from '../errors';
import { hashToken } from '../tokens';

/** One answer for an unknown, expired, used or revoked link: nothing to learn by probing. */
export const INVITE_NOT_USABLE =
  'This invite link does not work: it may have expired, been used already or been revoked. Ask for a new one.';

/** What an invite link's page shows before the person accepts. Public: the token is the secret. */
export async function previewInvite(db: Database, token: string): Promise<{ organizationName: string; role: Role; expiresAt: Date }> {
  const invite = await findUsableInvite(db, hashToken(token));
  if (!invite) throw new AppError('not_found', INVITE_NOT_USABLE);
  return { organizationName: invite.organizationName, role: invite.role, expiresAt: invite.expiresAt };
}
