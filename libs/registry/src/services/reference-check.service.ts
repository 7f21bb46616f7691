import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { AppException, ErrorCode } from '@app/core';
import { DistrictEntity, DistrictKind, IndustryEntity } from '@app/reference';

/** Checks codes against the reference tables and says which field is wrong. */
@Injectable()
export class ReferenceCheckService {
  async district(manager: EntityManager, code: string): Promise<void> {
    const district = await manager.findOneBy(DistrictEntity, { code });
    if (!district || district.kind === DistrictKind.FUNCTIONAL_ZONE || district.kind === DistrictKind.CITY) {
      throw AppException.field(ErrorCode.DISTRICT_UNKNOWN, 'districtCode', `没有区县代码 ${code} (unknown district)`);
    }
    if (district.retired) {
      throw AppException.field(ErrorCode.DISTRICT_UNKNOWN, 'districtCode', `区划代码 ${code}(${district.name})已撤销,请用现行代码 (retired code)`);
    }
  }

  async functionalZone(manager: EntityManager, code: string): Promise<void> {
    const zone = await manager.findOneBy(DistrictEntity, { code, kind: DistrictKind.FUNCTIONAL_ZONE });
    if (!zone) throw AppException.field(ErrorCode.DISTRICT_UNKNOWN, 'functionalZoneCode', `没有功能区代码 ${code} (unknown functional zone)`);
  }

  /** Returns the section letter of a code at any level; its division (or section) must be known. */
  async industrySection(manager: EntityManager, code: string): Promise<string> {
    const head = /^[A-T]$/.test(code) ? code : code.slice(0, 2);
    const row = await manager.findOneBy(IndustryEntity, { code: head });
    if (!row) throw AppException.field(ErrorCode.INDUSTRY_UNKNOWN, 'industryCode', `行业代码 ${code} 不在 GB/T 4754-2017 中 (unknown industry)`);
    return row.parentCode ?? row.code;
  }
}
