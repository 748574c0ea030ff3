import type { OrganizationSettings, UpdateOrganizationRequest } from '@rytask/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { organizationKey } from '../../items/api/reference-data';

export function useUpdateOrganization() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: UpdateOrganizationRequest) => apiRequest<OrganizationSettings>('PATCH', '/organization', patch),
    onSuccess: (next) => client.setQueryData(organizationKey, next),
  });
}
