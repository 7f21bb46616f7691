import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';

import { authorizedFetch } from './client';

type Entries = Record<string, string>;

export interface Dictionaries {
  /** The Chinese label of an enum value, audit action or field; the value itself when unknown. */
  label(group: string, value: string | null | undefined): string;
  /** The Chinese name (and unit) of an editable field of an entity type (`enterprise`, `enterprise_figure` …). */
  field(entityType: string, name: string): { label: string; unit?: string };
  /** A select's options for a group, in the API's order. */
  options(group: string): { value: string; label: string }[];
  ready: boolean;
}

// The API's dictionary route is the one source of labels; accept a group as a map or as a list.
function normalise(raw: unknown): Record<string, Entries> {
  const out: Record<string, Entries> = {};
  const groups = (raw && typeof raw === 'object' && 'groups' in raw ? (raw as { groups: unknown }).groups : raw) as Record<string, unknown>;
  for (const [group, entries] of Object.entries(groups ?? {})) {
    const map: Entries = {};
    if (Array.isArray(entries)) {
      for (const e of entries as { value?: string; code?: string; key?: string; label: string }[]) map[e.value ?? e.code ?? e.key ?? ''] = e.label;
    } else if (entries && typeof entries === 'object') {
      Object.assign(map, entries);
    }
    out[group] = map;
  }
  return out;
}

export function useDictionaries(): Dictionaries {
  const query = useQuery({
    queryKey: ['dictionaries'],
    staleTime: Infinity,
    queryFn: async () => {
      const response = await authorizedFetch('/api/v1/dictionaries');
      return response.ok ? normalise(await response.json()) : {};
    },
  });
  const data = query.data;
  const label = useCallback((group: string, value: string | null | undefined) => (value == null ? '' : (data?.[group]?.[value] ?? value)), [data]);
  const options = useCallback(
    (group: string) => Object.entries(data?.[group] ?? {}).map(([value, l]) => ({ value, label: l })),
    [data],
  );
  const field = useCallback(
    (entityType: string, name: string) => {
      const entry = data?.[`fields.${entityType}`]?.[name];
      const unit = data?.[`fieldUnits.${entityType}`]?.[name];
      return { label: entry ?? name, unit };
    },
    [data],
  );
  return useMemo(() => ({ label, options, field, ready: !!data }), [label, options, field, data]);
}
