import type { CreatedInviteResponse, CreateInviteRequest, Invite, Member, Role } from '@rytask/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { membersKey } from '../../items/api/reference-data';

const invitesKey = ['invites'] as const;

export function useMemberMutations() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: membersKey });
  const changeRole = useMutation({
    mutationFn: ({ id, role }: { id: string; role: Role }) => apiRequest<Member>('PATCH', `/members/${id}`, { role }),
    onSettled: refresh,
  });
  const setActive = useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      apiRequest<Member>('POST', `/members/${id}/${active ? 'reactivate' : 'deactivate'}`),
    onSettled: refresh,
  });
  return { changeRole, setActive };
}

export function useInvites(enabled: boolean) {
  return useQuery({
    queryKey: invitesKey,
    enabled,
    queryFn: () => apiRequest<{ invites: Invite[] }>('GET', '/invites').then((answer) => answer.invites),
  });
}

export function useCreateInvite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateInviteRequest) => apiRequest<CreatedInviteResponse>('POST', '/invites', input),
    onSuccess: () => client.invalidateQueries({ queryKey: invitesKey }),
  });
}

export function useRevokeInvite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>('DELETE', `/invites/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: invitesKey }),
  });
}
