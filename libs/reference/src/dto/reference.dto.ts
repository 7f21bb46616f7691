import { ApiProperty } from '@nestjs/swagger';

import { ChainStage } from '../entities/chain-segment.entity';
import { DistrictKind } from '../entities/district.entity';
import { IndustryLevel } from '../entities/industry.entity';

export class DistrictDto {
  code: string;
  name: string;
  @ApiProperty({ enum: DistrictKind, enumName: 'DistrictKind' })
  kind: DistrictKind;
  kindLabel: string;
  retired: boolean;
  parentCode: string | null;
  hostDistrictCodes: string[];
}

export class IndustryDto {
  code: string;
  name: string;
  @ApiProperty({ enum: IndustryLevel, enumName: 'IndustryLevel' })
  level: IndustryLevel;
  levelLabel: string;
  parentCode: string | null;
}

export class ChainSegmentDto {
  id: string;
  code: string;
  name: string;
  @ApiProperty({ enum: ChainStage, enumName: 'ChainStage' })
  stage: ChainStage;
  stageLabel: string;
  parentId: string | null;
}

export class ChainDto {
  id: string;
  code: string;
  name: string;
  description: string;
  leadUnit: string | null;
  promotionAgency: string | null;
  /** Not yet confirmed on the official list of ten */
  provisional: boolean;
  confirmedBy: string;
  sortOrder: number;
  version: number;
}
