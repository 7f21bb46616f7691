import { ApiProperty } from '@nestjs/swagger';

import { CarrierKind, DesignationLevel, DesignationStatus, HolderKind } from '@app/core';

export class DesignationDto {
  id: string;
  /** Who holds it: an enterprise (enterprise* fields) or a carrier (carrier* fields) */
  @ApiProperty({ enum: HolderKind, enumName: 'HolderKind' })
  holderKind: HolderKind;
  /** The holding enterprise; null when a carrier holds it */
  enterpriseId: string | null;
  enterpriseName: string | null;
  creditCode: string | null;
  /** The holding carrier (绿色园区, 工业互联网平台 …); null when an enterprise holds it */
  carrierId: string | null;
  carrierName: string | null;
  @ApiProperty({ enum: CarrierKind, enumName: 'CarrierKind', nullable: true })
  carrierKind: CarrierKind | null;
  /** The holder's district */
  districtCode: string;
  /** A code of the recognition catalogue (GET /recognition-types), e.g. CHAIN_LEADER, GREEN_FACTORY */
  type: string;
  /** Chinese name of the type from the catalogue, e.g. 链主 */
  typeLabel: string;
  @ApiProperty({ enum: DesignationLevel, enumName: 'DesignationLevel' })
  level: DesignationLevel;
  levelLabel: string;
  chainId: string | null;
  chainCode: string | null;
  chainName: string | null;
  productName: string | null;
  productCode: string | null;
  /** Status as it reads today: a RECOGNISED designation past its expiresOn reads EXPIRED */
  @ApiProperty({ enum: DesignationStatus, enumName: 'DesignationStatus' })
  status: DesignationStatus;
  statusLabel: string;
  /** Status last written by a transition (differs from `status` only when lapsed by date) */
  @ApiProperty({ enum: DesignationStatus, enumName: 'DesignationStatus' })
  recordedStatus: DesignationStatus;
  batch: string | null;
  year: number | null;
  /** 文号 */
  noticeNo: string | null;
  /** 认定机构 */
  recognisingBody: string | null;
  recognisedOn: string | null;
  expiresOn: string | null;
  evidence: string | null;
  /** Who tagged it */
  taggedBy: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export class DesignationEventDto {
  id: string;
  @ApiProperty({ enum: DesignationStatus, enumName: 'DesignationStatus', nullable: true })
  fromStatus: DesignationStatus | null;
  fromStatusLabel: string | null;
  @ApiProperty({ enum: DesignationStatus, enumName: 'DesignationStatus' })
  toStatus: DesignationStatus;
  toStatusLabel: string;
  /** The day the change took effect */
  effectiveOn: string;
  /** The expiry in force from this change on (null: none) */
  expiresOn: string | null;
  reason: string | null;
  /** Who made the change (system for automatic expiry) */
  actorUsername: string | null;
  /** When it was recorded */
  at: Date;
}

export class DesignationDetailDto extends DesignationDto {
  /** Every status change, oldest first; nothing is overwritten */
  events: DesignationEventDto[];
  /** Legal next states from the current status */
  @ApiProperty({ enum: DesignationStatus, enumName: 'DesignationStatus', isArray: true })
  allowedTransitions: DesignationStatus[];
}
