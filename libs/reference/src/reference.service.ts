import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { DistrictDto, IndustryDto } from './dto/reference.dto';
import { DISTRICT_KIND_LABELS, DistrictEntity } from './entities/district.entity';
import { INDUSTRY_LEVEL_LABELS, IndustryEntity } from './entities/industry.entity';

@Injectable()
export class ReferenceService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async districts(): Promise<DistrictDto[]> {
    const rows = await this.dataSource.getRepository(DistrictEntity).find({ order: { code: 'ASC' } });
    return rows.map((d) => ({ ...d, kindLabel: DISTRICT_KIND_LABELS[d.kind] }));
  }

  async industries(parentCode?: string): Promise<IndustryDto[]> {
    const rows = await this.dataSource.getRepository(IndustryEntity).find({ where: parentCode ? { parentCode } : {}, order: { code: 'ASC' } });
    return rows.map((i) => ({ ...i, levelLabel: INDUSTRY_LEVEL_LABELS[i.level] }));
  }
}
