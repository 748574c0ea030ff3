import { deleteSessionByTokenHash, type Database } from '@rytask/db';
import { hashToken } from '../tokens';

export async function logout(db: Database, token: string | undefined): Promise<void> {
  if (token) await deleteSessionByTokenHash(db, hashToken(token));
}
