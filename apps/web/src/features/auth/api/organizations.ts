import type { MyOrganization, SessionResponse } from '@rytask/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

/** The organizations the signed-in person belongs to (fetched once the account menu opens). */
export function useMyOrganizations(enabled: boolean) {
  return useQuery({
    queryKey: ['me', 'organizations'],
    enabled,
    queryFn: async () => (await apiRequest<{ organizations: MyOrganization[] }>('GET', '/me/organizations')).organizations,
  });
}

/** Moves this session to another of the person's organizations (a new session cookie). */
export function switchOrganization(organizationId: string): Promise<SessionResponse> {
  return apiRequest<SessionResponse>('POST', '/auth/switch-organization', { organizationId });
}
