import { Schemas } from '../api/client';
import { fieldValue } from './field-value';

/**
 * An audit row as sentences: "王科员 将 注册资本 由 3,040万元 改为 2,000万元" for each changed field
 * the API names (with its label and unit), otherwise the action's phrase ("王科员 提交了变更申请").
 */
export function auditSentences(entry: Schemas['AuditEntryDto']): string[] {
  const who = entry.actorDisplayName || entry.actorUsername || '系统';
  if (!entry.changes.length || !entry.before) return [`${who} ${entry.actionLabel}`];
  return entry.changes.map((c) => `${who} 将 ${c.label} 由 ${fieldValue(c.key, c.before, c.unit)} 改为 ${fieldValue(c.key, c.after, c.unit)}`);
}
