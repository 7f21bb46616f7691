import { IsDateString, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Type } from 'class-transformer';

import { RemediationCategory } from '../remediation-enums';
import { BulkOpenResultDto } from './remediation-case.dto';

/** Open a case for every D-class firm of a year's 亩均 evaluation (source EVALUATION_D + year). */
export class OpenFromEvaluationDto {
  /** The evaluation year whose D-class firms (final class) get a case */
  @IsInt({ message: 'year 应为年份' })
  @Min(2000)
  @Max(2100)
  year: number;

  /** Defaults to EVALUATION_D_CLASS; HIGH_ENERGY_LOW_EFFICIENCY or SCATTERED_WEAK also allowed (blocks never) */
  @IsOptional()
  @IsEnum(RemediationCategory, { message: 'category 应为 EVALUATION_D_CLASS / HIGH_ENERGY_LOW_EFFICIENCY / SCATTERED_WEAK' })
  category?: RemediationCategory;

  /** 责任单位 */
  @IsString()
  @IsNotEmpty({ message: 'responsibleUnit 必填,请填写责任单位' })
  @MaxLength(200)
  responsibleUnit: string;

  /** 整治期限 */
  @IsDateString({ strict: true }, { message: 'deadline 应为日期 YYYY-MM-DD' })
  deadline: string;

  /** 立案日期 (defaults to today; not after today) */
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'openedOn 应为日期 YYYY-MM-DD' })
  openedOn?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  sourceNote?: string;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  plan?: string;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  measures?: string;
}

export class FromEvaluationPreviewQueryDto {
  @Type(() => Number)
  @IsInt({ message: 'year 应为年份' })
  @Min(2000)
  @Max(2100)
  year: number;

  @IsOptional()
  @IsEnum(RemediationCategory)
  category?: RemediationCategory;
}

/** What a from-evaluation opening would do for the caller (their scope), for the console's confirm */
export class FromEvaluationPreviewDto {
  year: number;
  /** COMPUTED / PUBLICISED / FROZEN */
  evaluationStatus: string;
  /** D-class firms (final class) in the caller's scope, archived firms left out */
  dClassFirms: number;
  /** Of them, firms that already have an open case of the category (they would be skipped) */
  alreadyOpen: number;
}

export class FromEvaluationResultDto extends BulkOpenResultDto {
  year: number;
  /** D-class firms (final class) in the caller's scope */
  dClassFirms: number;
}
