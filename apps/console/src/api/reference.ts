import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
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

const industriesQuery = (parentCode: string | undefined) =>
  queryOptions({ queryKey: ['industries', parentCode ?? ''], staleTime: Infinity, queryFn: () => fetchIndustries(parentCode) });

/** One level of the GB/T 4754 tree, cached per parent. */
export function useIndustries(parentCode: string | undefined, enabled = true) {
  return useQuery({ ...industriesQuery(parentCode), enabled });
}

type IndustryLevel = { data?: { code: string; name: string }[]; isPending: boolean };

/** The levels naming a code: its own level (under its parent), and for a code below 大类 the section's 大类 as a fallback. */
function industryLevels(code: string | null | undefined, section?: string | null): { level?: string; divisions?: string } {
  const c = code ?? '';
  const isSection = /^[A-Z]$/.test(c);
  const level = isSection ? undefined : c.length > 2 ? c.slice(0, -1) : (section ?? undefined);
  return { level, divisions: !isSection && c.length > 2 && section ? section : undefined };
}

/** A code's name from its levels (`industryLevels`), or the code with its 大类's name when the reference table lacks it. */
function industryNameFrom(code: string | null | undefined, level: IndustryLevel, divisions: IndustryLevel): string {
  const c = code ?? '';
  const own = level.data?.find((i) => i.code === c)?.name;
  if (own) return own;
  if (level.isPending) return c || '—';
  const division = divisions.data?.find((i) => i.code === c.slice(0, 2))?.name;
  return division ? `${c}(${division})` : c || '—';
}

/**
 * The name of a GB/T 4754 code (section letter, or 2–4 digits with their section). A code the
 * reference table lacks is shown with the name of its 大类 (two digits), e.g. "3411(通用设备制造业)".
 */
export function useIndustryName(code: string | null | undefined, section?: string | null): string {
  const levels = industryLevels(code, section);
  const level = useIndustries(levels.level, !!code);
  const divisions = useIndustries(levels.divisions, !!code && !!levels.divisions);
  return industryNameFrom(code, level, divisions);
}

/** `useIndustryName` for the rows of a table at once: one query per level the rows need, not two per row. */
export function useIndustryNames(rows: readonly { industryCode: string; industrySection: string }[] | undefined): (row: { industryCode: string; industrySection: string }) => string {
  const wanted = new Set<string>();
  for (const row of rows ?? []) {
    const levels = industryLevels(row.industryCode, row.industrySection);
    wanted.add(levels.level ?? '');
    if (levels.divisions) wanted.add(levels.divisions);
  }
  const keys = [...wanted].sort();
  const results = useQueries({ queries: keys.map((key) => industriesQuery(key || undefined)) });
  const byKey = new Map<string, IndustryLevel>(keys.map((key, i) => [key, results[i]]));
  const none: IndustryLevel = { isPending: false };
  return (row) => {
    const levels = industryLevels(row.industryCode, row.industrySection);
    return industryNameFrom(row.industryCode, byKey.get(levels.level ?? '') ?? none, (levels.divisions && byKey.get(levels.divisions)) || none);
  };
}

/** The recognition catalogue (认定类型): each type's name, levels and holder, from the API. */
export function useRecognitionTypes() {
  const query = useQuery({ queryKey: ['recognition-types'], staleTime: 300_000, queryFn: () => unwrap(api.GET('/api/v1/recognition-types')) });
  return query.data ?? [];
}
