import type { QuickAddContext } from '@rytask/contracts/quick-add';
import { useMemo } from 'react';
import { useLabels, useMembers, useOrganization, useToday } from '../items/api/reference-data';

/** What the parser needs to resolve tokens: the organization's people, labels and calendar. */
export function useQuickAddContext(): QuickAddContext {
  const members = useMembers();
  const labels = useLabels();
  const organization = useOrganization();
  const today = useToday();
  return useMemo(
    () => ({
      members: (members.data ?? [])
        .filter((member) => !member.deactivated)
        .map(({ id, handle, name, email }) => ({ id, handle, name, email })),
      labels: (labels.data ?? []).map(({ id, name }) => ({ id, name })),
      today,
      weekStart: organization.data?.weekStart,
      workingMinutesPerDay: organization.data?.workingMinutesPerDay,
    }),
    [members.data, labels.data, organization.data, today],
  );
}
