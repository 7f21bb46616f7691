import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

import { EnterpriseFieldsDto } from './enterprise-fields.dto';

export class CreateEnterpriseDto extends EnterpriseFieldsDto {
  /** 统一社会信用代码 (GB 32100-2015); spaces, lower case and full-width forms are normalised */
  @IsString()
  @MaxLength(40)
  creditCode: string;

  /** Required to register a genuine legacy code that fails the check: why it is accepted */
  @IsOptional()
  @IsString()
  @MinLength(4)
  @MaxLength(500)
  creditCodeOverrideReason?: string;

  // name, districtCode and industryCode are required on create: EnterpriseService checks them.
  declare name: string;
  declare districtCode: string;
  declare industryCode: string;
}
