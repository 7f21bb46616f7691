import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';

import { api, unwrap } from './client';

export const districtsQuery = queryOptions({ queryKey: ['districts'], staleTime: Infinity, queryFn: () => unwrap(api.GET('/api/v1/districts')) });

/** Districts, chains: small reference lists, read once per session. */
export function useDistricts() {
  const query = useQuery(districtsQuery);
  const byCode = useMemo(() => new Map((query.data ?? []).map((d) => [d.code, d.name])), [query.data]);
  return { districts: query.data ?? [], districtName: (code: string | null | undefined) => (code ? (byCode.get(code) ?? code) : '—') };
}

export function useChains() {
  const query = useQuery({ queryKey: ['chains'], staleTime: 300_000, queryFn: () => unwrap(api.GET('/api/v1/chains')) });
  return query.data ?? [];
}

/** One level of the GB/T 4754 tree (sections when parentCode is undefined). */
export function fetchIndustries(parentCode?: string) {
  return unwrap(api.GET('/api/v1/industries', { params: { query: parentCode ? { parentCode } : {} } }));
}

/** One level of the GB/T 4754 tree, cached per parent. */
export function useIndustries(parentCode: string | undefined, enabled = true) {
  return useQuery({ queryKey: ['industries', parentCode ?? ''], enabled, staleTime: Infinity, queryFn: () => fetchIndustries(parentCode) });
}

/**
 * The name of a GB/T 4754 code (section letter, or 2–4 digits with their section). A code the
 * reference table lacks is shown with the name of its 大类 (two digits), e.g. "3411(通用设备制造业)".
 */
export function useIndustryName(code: string | null | undefined, section?: string | null): string {
  const c = code ?? '';
  const isSection = /^[A-Z]$/.test(c);
  const parent = isSection ? undefined : c.length > 2 ? c.slice(0, -1) : (section ?? undefined);
  const level = useIndustries(parent, !!code);
  const divisions = useIndustries(section ?? undefined, !!code && !isSection && c.length > 2 && !!section);
  const own = level.data?.find((i) => i.code === c)?.name;
  if (own) return own;
  if (level.isPending) return c || '—';
  const division = divisions.data?.find((i) => i.code === c.slice(0, 2))?.name;
  return division ? `${c}(${division})` : c || '—';
}

/** The recognition catalogue (认定类型): each type's name, levels and holder, from the API. */
export function useRecognitionTypes() {
  const query = useQuery({ queryKey: ['recognition-types'], staleTime: 300_000, queryFn: () => unwrap(api.GET('/api/v1/recognition-types')) });
  return query.data ?? [];
}
