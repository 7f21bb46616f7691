import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Actor, currentRequestId } from '@app/core';

import { AuditLogEntity } from './audit-log.entity';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: object | null;
  after?: object | null;
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
    const { before, after } = diff(entry.before, entry.after);
    await manager.insert(AuditLogEntity, {
      actorId: actor.id,
      actorUsername: actor.username,
      actorRole: actor.role,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      before: before as never,
      after: after as never,
      requestId: currentRequestId() ?? null,
    });
  }
}
