import { PickType } from '@nestjs/swagger';
import { IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';

import { RemediationCategory } from '../remediation-enums';
import { BulkOpenResultDto, CaseSourceDto } from './remediation-case.dto';

/** Open a case for every D-class firm of a year's 亩均 evaluation (source EVALUATION_D + year). */
export class OpenFromEvaluationDto extends PickType(CaseSourceDto, ['responsibleUnit', 'deadline', 'openedOn', 'sourceNote', 'plan', 'measures'] as const) {
  /** The evaluation year whose D-class firms (final class) get a case */
  @IsInt({ message: 'year 应为年份' })
  @Min(2000)
  @Max(2100)
  year: number;

  /** Defaults to EVALUATION_D_CLASS; HIGH_ENERGY_LOW_EFFICIENCY or SCATTERED_WEAK also allowed (blocks never) */
  @IsOptional()
  @IsEnum(RemediationCategory, { message: 'category 应为 EVALUATION_D_CLASS / HIGH_ENERGY_LOW_EFFICIENCY / SCATTERED_WEAK' })
  category?: RemediationCategory;
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
