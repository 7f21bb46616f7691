import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsDateString, IsEnum, IsInt, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

import { EvaluationClass, ObjectionStatus, ResponseKind } from '../evaluation-enums';

/** A liaison's answer to the firm's sheet */
export class RespondDto {
  @ApiProperty({ enum: ResponseKind, enumName: 'ResponseKind' })
  @IsEnum(ResponseKind)
  kind: ResponseKind;

  /** Why the firm objects (required for OBJECT) */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  /** Evidence: document names, certificate numbers or links (at least one for OBJECT) */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  evidence?: string[];

  @ApiPropertyOptional({ enum: EvaluationClass, enumName: 'EvaluationClass' })
  @IsOptional()
  @IsEnum(EvaluationClass)
  requestedClass?: EvaluationClass;
}

export class PubliciseDto {
  /** First day of publicity (YYYY-MM-DD, Beijing) */
  @IsDateString({ strict: true }, { message: 'startsOn 应为日期 YYYY-MM-DD' })
  startsOn: string;

  /** Last day of publicity; at least the start */
  @IsDateString({ strict: true }, { message: 'endsOn 应为日期 YYYY-MM-DD' })
  endsOn: string;

  /** The overview's version you read */
  @IsInt()
  version: number;
}

export class FreezeDto {
  @IsInt()
  version: number;
}

export class DecideObjectionDto {
  @ApiProperty({ enum: [ObjectionStatus.UPHELD, ObjectionStatus.REJECTED] })
  @IsEnum([ObjectionStatus.UPHELD, ObjectionStatus.REJECTED], { message: 'outcome 只能是 UPHELD(异议成立)或 REJECTED(异议不成立)' })
  outcome: ObjectionStatus.UPHELD | ObjectionStatus.REJECTED;

  /** The class after an upheld objection */
  @ApiPropertyOptional({ enum: EvaluationClass, enumName: 'EvaluationClass' })
  @IsOptional()
  @IsEnum(EvaluationClass)
  newClass?: EvaluationClass;

  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  note: string;

  @IsInt()
  version: number;
}

export class ObjectionQueryDto {
  @ApiPropertyOptional({ enum: ObjectionStatus, enumName: 'ObjectionStatus' })
  @IsOptional()
  @IsEnum(ObjectionStatus)
  status?: ObjectionStatus;
}
