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
