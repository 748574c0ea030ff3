import type { AccessToken, CreateAccessTokenRequest, CreatedAccessTokenResponse } from '@rytask/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

const tokensKey = ['tokens'] as const;

export function useTokens() {
  return useQuery({
    queryKey: tokensKey,
    queryFn: () => apiRequest<{ tokens: AccessToken[] }>('GET', '/tokens').then((answer) => answer.tokens),
  });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateAccessTokenRequest) => apiRequest<CreatedAccessTokenResponse>('POST', '/tokens', input),
    onSuccess: () => client.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>('DELETE', `/tokens/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: tokensKey }),
  });
}
