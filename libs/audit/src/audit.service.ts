import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Actor, currentRequestId, withForbiddenCharactersReplaced } from '@app/core';

import { AuditLogEntity } from './audit-log.entity';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: object | null;
  after?: object | null;
  /** The enterprise this change is about; defaults to entityId when entityType is 'enterprise'. Set it for figures, designations, memberships … so district scope and enterprise history find the row. */
  enterpriseId?: string | null;
}

/** Action names are `<entity>.<verb>`; exports of personal data (contact names, phones, emails) use this one. */
export const PERSONAL_DATA_EXPORT_ACTION = 'export.personal_data';

export interface ExportAuditEntry {
  /** What was exported, e.g. 'enterprise' */
  entityType: string;
  /** File format, e.g. 'xlsx' or 'csv' */
  format: string;
  /** Filters the export ran with (already restricted to the actor's scope) */
  filters: object;
  rowCount: number;
  /** Personal fields included, e.g. ['contactPerson', 'contactPhone'] */
  personalFields: string[];
}

const IGNORED = new Set(['updatedAt', 'createdAt', 'searchVector']);

function plain(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/** Keeps only the fields that changed, so an audit row reads as a diff. */
export function diff(before: object | null | undefined, after: object | null | undefined) {
  if (!before || !after) {
    return { before: before ? strip(before) : null, after: after ? strip(after) : null };
  }
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    if (IGNORED.has(key)) continue;
    const x = plain((before as Record<string, unknown>)[key]);
    const y = plain((after as Record<string, unknown>)[key]);
    if (JSON.stringify(x) !== JSON.stringify(y)) {
      b[key] = x ?? null;
      a[key] = y ?? null;
    }
  }
  return { before: b, after: a };
}

function strip(value: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([k]) => !IGNORED.has(k)).map(([k, v]) => [k, plain(v)]));
}

@Injectable()
export class AuditService {
  /** Writes the audit row with the caller's manager, i.e. inside the change's own transaction. */
  async record(manager: EntityManager, actor: Actor, entry: AuditEntry): Promise<void> {
    // A NUL or an unpaired surrogate would make PostgreSQL refuse the row and with it the change.
    const { before, after } = withForbiddenCharactersReplaced(diff(entry.before, entry.after));
    await manager.insert(AuditLogEntity, {
      actorId: actor.id,
      actorUsername: withForbiddenCharactersReplaced(actor.username),
      actorRole: actor.role,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      before: before as never,
      after: after as never,
      requestId: currentRequestId() ?? null,
      enterpriseId: entry.enterpriseId ?? (entry.entityType === 'enterprise' ? entry.entityId ?? null : null),
    });
  }

  /** Call inside the export's transaction (or a transaction of its own) whenever an export contains personal data. */
  async recordPersonalDataExport(manager: EntityManager, actor: Actor, entry: ExportAuditEntry): Promise<void> {
    await this.record(manager, actor, { action: PERSONAL_DATA_EXPORT_ACTION, entityType: entry.entityType, after: { ...entry } });
  }
}
