import { CarrierKind, DESIGNATION_LEVEL_LABELS, DESIGNATION_STATUS_LABELS, DesignationLevel, DesignationStatus, effectiveStatusSql, HolderKind } from '@app/core';

import { DesignationDto } from './designation.dto';

export { effectiveStatusSql };

/**
 * Columns selected for a DesignationDto, from designation d, its holder — enterprise e or carrier k, both
 * left-joined — the catalogue's type rt and chain c (left-joined).
 */
export const DESIGNATION_COLUMNS = [
  'd.id AS id',
  'd.enterprise_id AS enterprise_id',
  'e.name AS enterprise_name',
  'e.credit_code AS credit_code',
  'd.carrier_id AS carrier_id',
  'k.name AS carrier_name',
  'k.kind AS carrier_kind',
  'coalesce(e.district_code, k.district_code) AS district_code',
  'd.type AS type',
  'coalesce(rt.name, d.type) AS type_label',
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
    holderKind: r.carrier_id ? HolderKind.CARRIER : HolderKind.ENTERPRISE,
    enterpriseId: (r.enterprise_id as string) ?? null,
    enterpriseName: (r.enterprise_name as string) ?? null,
    creditCode: (r.credit_code as string) ?? null,
    carrierId: (r.carrier_id as string) ?? null,
    carrierName: (r.carrier_name as string) ?? null,
    carrierKind: (r.carrier_kind as CarrierKind) ?? null,
    districtCode: r.district_code as string,
    type: r.type as string,
    typeLabel: r.type_label as string,
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
