import { useQuery } from '@tanstack/react-query';

import { api, unwrap } from '../../api/client';

/** The years computed so far, newest first, and the year the page shows (?year=, else the newest). */
export function useEvaluationYears(wanted: number | null) {
  const years = useQuery({ queryKey: ['evaluation-years'], queryFn: () => unwrap(api.GET('/api/v1/evaluations')) });
  const list = years.data ?? [];
  const year = wanted ?? list[0]?.year ?? new Date().getFullYear() - 1;
  return { years: list, year, loading: years.isLoading };
}

export const CLASS_COLORS: Record<string, string> = { A: '#389e0d', B: '#1677ff', C: '#faad14', D: '#cf1322', NONE: '#bfbfbf' };
