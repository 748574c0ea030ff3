import type { SessionResponse } from '@rytask/contracts';
import { ApiError, apiRequest } from '../../../lib/api-client';

/** The signed-in session, or null when nobody is signed in (the API answers 401). */
export async function getSession(): Promise<SessionResponse | null> {
  try {
    return await apiRequest<SessionResponse>('GET', '/auth/session');
  } catch (error) {
    if (error instanceof ApiError && error.code === 'unauthenticated') return null;
    throw error;
  }
}
