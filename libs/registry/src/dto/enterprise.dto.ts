import { ApiProperty } from '@nestjs/swagger';

import { EnterpriseStatus, ENTERPRISE_STATUS_LABELS } from '../entities/enterprise-status';
import { EnterpriseEntity } from '../entities/enterprise.entity';

const num = (value: string | null) => (value === null ? null : Number(value));

export class EnterpriseDto {
  id: string;
  creditCode: string;
  /** True when the code fails the GB 32100 check and was registered with an override */
  creditCodeOverride: boolean;
  creditCodeOverrideReason: string | null;
  name: string;
  shortName: string | null;
  formerNames: string[];
  districtCode: string;
  functionalZoneCode: string | null;
  industryCode: string;
  industrySection: string;
  address: string | null;
  legalRepresentative: string | null;
  foundedOn: string | null;
  registeredCapitalYuan: number | null;
  @ApiProperty({ enum: EnterpriseStatus, enumName: 'EnterpriseStatus' })
  status: EnterpriseStatus;
  /** Chinese label of the status */
  statusLabel: string;
  aboveScale: boolean;
  stockCode: string | null;
  landAreaMu: number | null;
  contactPerson: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  archived: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** List with `q` only: the former name (曾用名) the row was found by, when neither its name, short name nor credit code holds the query; else null */
  matchedFormerName?: string | null;

  static from(e: EnterpriseEntity): EnterpriseDto {
    return {
      id: e.id,
      creditCode: e.creditCode,
      creditCodeOverride: e.creditCodeOverrideReason !== null,
      creditCodeOverrideReason: e.creditCodeOverrideReason,
      name: e.name,
      shortName: e.shortName,
      formerNames: e.formerNames,
      districtCode: e.districtCode,
      functionalZoneCode: e.functionalZoneCode,
      industryCode: e.industryCode,
      industrySection: e.industrySection,
      address: e.address,
      legalRepresentative: e.legalRepresentative,
      foundedOn: e.foundedOn,
      registeredCapitalYuan: num(e.registeredCapitalYuan),
      status: e.status,
      statusLabel: ENTERPRISE_STATUS_LABELS[e.status],
      aboveScale: e.aboveScale,
      stockCode: e.stockCode,
      landAreaMu: num(e.landAreaMu),
      contactPerson: e.contactPerson,
      contactPhone: e.contactPhone,
      contactEmail: e.contactEmail,
      archived: e.archived,
      version: e.version,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    };
  }
}
