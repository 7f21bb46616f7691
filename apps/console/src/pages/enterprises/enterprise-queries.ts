import { useQuery } from '@tanstack/react-query';

import { api, unwrap } from '../../api/client';

export const LIVE_STATUSES = ['CANDIDATE', 'RECOGNISED', 'UNDER_REVIEW'];

export function useEnterprise(id: string) {
  return useQuery({ queryKey: ['enterprise', id], queryFn: () => unwrap(api.GET('/api/v1/enterprises/{id}', { params: { path: { id } } })) });
}

export function useEnterpriseDesignations(id: string) {
  return useQuery({
    queryKey: ['enterprise', id, 'designations'],
    queryFn: () => unwrap(api.GET('/api/v1/enterprises/{id}/designations', { params: { path: { id } } })),
  });
}

export function useEnterpriseChainMemberships(id: string) {
  return useQuery({
    queryKey: ['enterprise', id, 'chain-memberships'],
    queryFn: () => unwrap(api.GET('/api/v1/enterprises/{id}/chain-memberships', { params: { path: { id } } })),
  });
}

export function useEnterpriseCommunities(id: string) {
  return useQuery({
    queryKey: ['enterprise', id, 'communities'],
    queryFn: () => unwrap(api.GET('/api/v1/enterprises/{id}/communities', { params: { path: { id } } })),
  });
}
