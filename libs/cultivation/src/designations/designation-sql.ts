import {
  DESIGNATION_LEVEL_LABELS,
  DESIGNATION_STATUS_LABELS,
  DESIGNATION_TYPE_LABELS,
  DesignationLevel,
  DesignationStatus,
  DesignationType,
  effectiveStatusSql,
} from '@app/core';

import { DesignationDto } from './designation.dto';

export { effectiveStatusSql };

/** Columns selected for a DesignationDto, from designation d, enterprise e and (left-joined) chain c. */
export const DESIGNATION_COLUMNS = [
  'd.id AS id',
  'd.enterprise_id AS enterprise_id',
  'e.name AS enterprise_name',
  'e.credit_code AS credit_code',
  'e.district_code AS district_code',
  'd.type AS type',
  'd.level AS level',
  'd.chain_id AS chain_id',
  'c.code AS chain_code',
  'c.name AS chain_name',
  'd.product_name AS product_name',
  'd.product_code AS product_code',
  `${effectiveStatusSql('d')} AS effective_status`,
  'd.status AS recorded_status',
  'd.batch AS batch',
  'd.year AS year',
  'd.notice_no AS notice_no',
  'd.recognising_body AS recognising_body',
  'd.recognised_on::text AS recognised_on',
  'd.expires_on::text AS expires_on',
  'd.evidence AS evidence',
  'd.tagged_by_username AS tagged_by',
  'd.version AS version',
  'd.created_at AS created_at',
  'd.updated_at AS updated_at',
];

export function toDesignationDto(r: Record<string, unknown>): DesignationDto {
  const status = r.effective_status as DesignationStatus;
  return {
    id: r.id as string,
    enterpriseId: r.enterprise_id as string,
    enterpriseName: r.enterprise_name as string,
    creditCode: r.credit_code as string,
    districtCode: r.district_code as string,
    type: r.type as DesignationType,
    typeLabel: DESIGNATION_TYPE_LABELS[r.type as DesignationType],
    level: r.level as DesignationLevel,
    levelLabel: DESIGNATION_LEVEL_LABELS[r.level as DesignationLevel],
    chainId: (r.chain_id as string) ?? null,
    chainCode: (r.chain_code as string) ?? null,
    chainName: (r.chain_name as string) ?? null,
    productName: (r.product_name as string) ?? null,
    productCode: (r.product_code as string) ?? null,
    status,
    statusLabel: DESIGNATION_STATUS_LABELS[status],
    recordedStatus: r.recorded_status as DesignationStatus,
    batch: (r.batch as string) ?? null,
    year: r.year === null || r.year === undefined ? null : Number(r.year),
    noticeNo: (r.notice_no as string) ?? null,
    recognisingBody: (r.recognising_body as string) ?? null,
    recognisedOn: (r.recognised_on as string) ?? null,
    expiresOn: (r.expires_on as string) ?? null,
    evidence: (r.evidence as string) ?? null,
    taggedBy: (r.tagged_by as string) ?? null,
    version: Number(r.version),
    createdAt: r.created_at as Date,
    updatedAt: r.updated_at as Date,
  };
}
