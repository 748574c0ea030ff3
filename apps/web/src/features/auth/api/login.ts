import type { LoginRequest, SessionResponse } from '@rytask/contracts';
import { apiRequest } from '../../../lib/api-client';

/** Signs in; the API sets the httpOnly session cookie. */
export function login(input: LoginRequest): Promise<SessionResponse> {
  return apiRequest<SessionResponse>('POST', '/auth/login', input);
}
