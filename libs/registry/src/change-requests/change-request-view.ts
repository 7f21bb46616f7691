import { ChangeRequestDto } from '../dto/change-request.dto';
import { EnterpriseEntity } from '../entities/enterprise.entity';
import { CHANGE_REQUEST_KIND_LABELS, CHANGE_REQUEST_STATUS_LABELS } from './change-request-status';
import { ChangeRequestEntity } from './change-request.entity';

export function toChangeRequestDto(cr: ChangeRequestEntity, enterprise: Pick<EnterpriseEntity, 'name' | 'districtCode'>): ChangeRequestDto {
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
    reviewedAt: cr.reviewedAt,
    decisionReason: cr.decisionReason,
    createdAt: cr.createdAt,
    updatedAt: cr.updatedAt,
  };
}
