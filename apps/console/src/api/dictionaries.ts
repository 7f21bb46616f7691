import { queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';

import { api, Schemas, unwrap } from './client';

type LabelledValue = Schemas['LabelledValueDto'];
type RawDictionary = Schemas['DictionaryDto'];

export interface Dictionaries {
  /**
   * The Chinese label of a value: `group` is the API's enum name (`DesignationType`, `Role` …),
   * `AuditAction` or `EntityType`. Unknown values show as they are.
   */
  label(group: string, value: string | null | undefined, fallback?: string | null): string;
  /** The Chinese name (and unit) of an editable field of an entity type (`enterprise`, `enterprise_figure` …). */
  field(entityType: string, name: string): { label: string; unit?: string };
  /** A select's options for a group, in the API's order. */
  options(group: string): LabelledValue[];
  ready: boolean;
}

// the enum's schema name (DesignationType) → its key in the dictionary (designationType)
function entries(raw: RawDictionary | undefined, group: string): LabelledValue[] {
  if (!raw) return [];
  if (group === 'AuditAction') return raw.auditActions ?? [];
  if (group === 'EntityType') return raw.entityTypes ?? [];
  return (raw.enums as unknown as Record<string, LabelledValue[]>)[group.charAt(0).toLowerCase() + group.slice(1)] ?? [];
}

export const dictionariesQuery = queryOptions({
  queryKey: ['dictionaries'],
  staleTime: Infinity,
  queryFn: () => unwrap(api.GET('/api/v1/dictionaries')),
});

/** GET /api/v1/dictionaries, read once per session: the one source of the console's labels. */
export function useDictionaries(): Dictionaries {
  const query = useQuery(dictionariesQuery);
  const raw = query.data;
  const maps = useMemo(() => new Map<string, Map<string, string>>(), [raw]);
  const label = useCallback(
    (group: string, value: string | null | undefined, fallback?: string | null) => {
      if (value == null) return '';
      let map = maps.get(group);
      if (!map) {
        map = new Map(entries(raw, group).map((e) => [e.value, e.label]));
        maps.set(group, map);
      }
      return map.get(value) ?? fallback ?? value;
    },
    [raw, maps],
  );
  const options = useCallback((group: string) => entries(raw, group), [raw]);
  const field = useCallback((entityType: string, name: string) => (raw?.fields as Record<string, Record<string, { label: string; unit?: string }>> | undefined)?.[entityType]?.[name] ?? { label: name }, [raw]);
  return useMemo(() => ({ label, options, field, ready: !!raw }), [label, options, field, raw]);
}
