import type { ChangePasswordRequest, SessionResponse } from '@rytask/contracts';
import { apiRequest } from '../../../lib/api-client';

/** Changes the signed-in user's password; the answer is the session, no longer forcing a change. */
export function changePassword(input: ChangePasswordRequest): Promise<SessionResponse> {
  return apiRequest<SessionResponse>('POST', '/auth/password', input);
}
