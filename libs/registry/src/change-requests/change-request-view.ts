import { EntityManager } from 'typeorm';

import { ChangeRequestDto } from '../dto/change-request.dto';
import { EnterpriseEntity } from '../entities/enterprise.entity';
import { CHANGE_REQUEST_KIND_LABELS, CHANGE_REQUEST_STATUS_LABELS } from './change-request-status';
import { ChangeRequestEntity } from './change-request.entity';

/** Display names of the given users (empty names left out), for showing who reviewed a request. */
export async function userDisplayNames(manager: EntityManager, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return new Map();
  const rows: { id: string; display_name: string }[] = await manager.query(`SELECT id, display_name FROM app_user WHERE id = ANY($1) AND display_name <> ''`, [wanted]);
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

export function toChangeRequestDto(cr: ChangeRequestEntity, enterprise: Pick<EnterpriseEntity, 'name' | 'districtCode'>, names: Map<string, string> = new Map()): ChangeRequestDto {
  return {
    id: cr.id,
    enterpriseId: cr.enterpriseId,
    enterpriseName: enterprise.name,
    districtCode: enterprise.districtCode,
    kind: cr.kind,
    kindLabel: CHANGE_REQUEST_KIND_LABELS[cr.kind],
    status: cr.status,
    statusLabel: CHANGE_REQUEST_STATUS_LABELS[cr.status],
    year: cr.year,
    quarter: cr.quarter === null || cr.quarter === 0 ? null : cr.quarter,
    baseVersion: cr.baseVersion,
    changes: cr.changes,
    previous: cr.previous,
    appliedAtOnce: cr.appliedAtOnce,
    note: cr.note,
    submittedByUsername: cr.submittedByUsername,
    reviewedByUsername: cr.reviewedByUsername,
    reviewedByName: (cr.reviewedById && names.get(cr.reviewedById)) || null,
    reviewedAt: cr.reviewedAt,
    decisionReason: cr.decisionReason,
    createdAt: cr.createdAt,
    updatedAt: cr.updatedAt,
  };
}
