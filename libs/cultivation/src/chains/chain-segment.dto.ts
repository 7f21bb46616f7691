import { ApiProperty, PartialType } from '@nestjs/swagger';
import { IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';

import { Nullable } from '@app/core';
import { ChainStage } from '@app/reference';

export class CreateChainSegmentDto {
  /** Unique within the chain, e.g. REM_MID_MAGNETS */
  @Matches(/^[A-Z][A-Z0-9_]{1,49}$/, { message: 'code 应为大写字母、数字和下划线' })
  code: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  /** 上游 UPSTREAM / 中游 MIDSTREAM / 下游 DOWNSTREAM */
  @IsEnum(ChainStage)
  stage: ChainStage;

  /** Parent segment of the same chain; omit for a top-level segment */
  @IsOptional()
  @IsUUID()
  @Nullable()
  parentId?: string | null;

  @IsOptional()
  @IsInt()
  @Min(0)
  sortOrder?: number;
}

/** Rename, recode, move (stage, parent) or reorder a segment */
export class UpdateChainSegmentDto extends PartialType(CreateChainSegmentDto) {
  /** The version you read (stale → 409 VERSION_CONFLICT) */
  @IsInt()
  @Min(1)
  version: number;
}

export class ChainSegmentNodeDto {
  id: string;
  code: string;
  name: string;
  @ApiProperty({ enum: ChainStage, enumName: 'ChainStage' })
  stage: ChainStage;
  stageLabel: string;
  parentId: string | null;
  sortOrder: number;
  version: number;
  @ApiProperty({ type: () => [ChainSegmentNodeDto] })
  children: ChainSegmentNodeDto[];
}
