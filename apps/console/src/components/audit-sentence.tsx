import { Schemas } from '../api/client';
import { Dictionaries } from '../api/dictionaries';
import { fieldValue } from './field-value';

type Entry = Schemas['AuditEntryDto'] & { actorDisplayName?: string | null };

/**
 * An audit row as sentences: "王科员 将 注册资本 由 3,040万元 改为 2,000万元" for each changed field
 * the dictionary names; otherwise the action's phrase ("王科员 提交了变更申请").
 */
export function auditSentences(entry: Entry, dict: Dictionaries): string[] {
  const who = entry.actorDisplayName || entry.actorUsername || '系统';
  const action = `${who} ${dict.label('AuditAction', entry.action)}`;
  if (!entry.before || !entry.after) return [action];
  const before = entry.before as Record<string, unknown>;
  const after = entry.after as Record<string, unknown>;
  const named = Object.keys(after).filter(
    (k) => dict.field(entry.entityType, k).label !== k && JSON.stringify(after[k]) !== JSON.stringify(before[k]),
  );
  if (!named.length) return [action];
  return named.map((k) => {
    const { label, unit } = dict.field(entry.entityType, k);
    return `${who} 将 ${label} 由 ${fieldValue(k, before[k], unit)} 改为 ${fieldValue(k, after[k], unit)}`;
  });
}
