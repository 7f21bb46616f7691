import { Schemas } from '../api/client';
import { Dictionaries } from '../api/dictionaries';
import { fieldValue } from './field-value';

type Entry = Schemas['AuditEntryDto'] & { actorDisplayName?: string | null; summary?: string | null };

const SKIP = new Set(['id', 'version', 'createdAt', 'updatedAt', 'enterpriseId']);

/** An audit row as sentences: "王科员 将 注册资本 由 3,040万元 改为 2,000万元". */
export function auditSentences(entry: Entry, dict: Dictionaries): string[] {
  const who = entry.actorDisplayName || entry.actorUsername || '系统';
  const action = dict.label('AuditAction', entry.action);
  if (entry.summary) return [`${who} ${entry.summary}`];
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const changed = Object.keys(after).filter((k) => !SKIP.has(k) && JSON.stringify(after[k]) !== JSON.stringify(before[k]));
  if (!entry.before || !changed.length) return [`${who} ${action}`];
  return changed.map((k) => {
    const { label, unit } = dict.field(entry.entityType, k);
    return `${who} 将 ${label} 由 ${fieldValue(k, before[k], unit)} 改为 ${fieldValue(k, after[k], unit)}`;
  });
}
