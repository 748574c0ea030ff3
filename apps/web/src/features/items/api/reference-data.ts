import type { Label, Member, OrganizationSettings } from '@rytask/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { todayIn } from '../../../lib/format';

// Lists every page needs a piece of (pickers, filters, quick-add): cached for a minute.
const REFERENCE_STALE_MS = 60_000;

export const membersKey = ['members'] as const;
export const labelsKey = ['labels'] as const;
export const organizationKey = ['organization'] as const;

export function useMembers({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: membersKey,
    enabled,
    queryFn: () => apiRequest<{ members: Member[] }>('GET', '/members').then((answer) => answer.members),
    staleTime: REFERENCE_STALE_MS,
  });
}

/** Members who can be assigned or mentioned (deactivated ones keep their history only). */
export function useActiveMembers(): Member[] {
  return useMembers().data?.filter((member) => !member.deactivated) ?? [];
}

export function useLabels({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: labelsKey,
    enabled,
    queryFn: () => apiRequest<{ labels: Label[] }>('GET', '/labels').then((answer) => answer.labels),
    staleTime: REFERENCE_STALE_MS,
  });
}

/** The organization's settings (its time zone gives "today"); also started early by app/preload.ts. */
export const organizationQuery = {
  queryKey: organizationKey,
  queryFn: () => apiRequest<OrganizationSettings>('GET', '/organization'),
  staleTime: 5 * REFERENCE_STALE_MS,
};

export function useOrganization() {
  return useQuery(organizationQuery);
}

/** Today's date in the organization's time zone ('YYYY-MM-DD'), for due dates and quick-add. */
export function useToday(): string {
  const organization = useOrganization();
  return todayIn(organization.data?.timeZone);
}
