import { IsInt, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';

import { EnterpriseFieldsDto } from './enterprise-fields.dto';

export class UpdateEnterpriseDto extends EnterpriseFieldsDto {
  /** The version you read; a stale one is refused with 409 so no update is lost */
  @IsInt()
  @Min(1)
  version: number;

  /** Correct a mistyped credit code */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  creditCode?: string;

  @IsOptional()
  @IsString()
  @MinLength(4)
  @MaxLength(500)
  creditCodeOverrideReason?: string;
}
