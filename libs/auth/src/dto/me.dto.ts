import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

import { Permission } from '../permission';
import { UserDto } from './user.dto';

export class ScopeDistrictDto {
  /** GB/T 2260 code, e.g. 330211 */
  code: string;
  /** e.g. 镇海区 */
  name: string;
}

export class ScopeEnterpriseDto {
  id: string;
  name: string;
  creditCode: string;
}

export class MeScopeDto {
  /** True for roles that see the whole city (admin, bureau staff, viewer) */
  cityWide: boolean;
  /** DISTRICT_STAFF: the districts they work for, by code and name */
  districts: ScopeDistrictDto[];
  /** LIAISON: the enterprises they are bound to */
  enterprises: ScopeEnterpriseDto[];
}

export class MeDto extends UserDto {
  /** What the role may do (the one role → permission table); menus and buttons follow it */
  @ApiProperty({ enum: Permission, enumName: 'Permission', isArray: true })
  permissions: Permission[];
  scope: MeScopeDto;
}

export class ChangePasswordDto {
  /** The password used to log in now */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  currentPassword: string;

  /** The new password: at least 10 characters with letters and digits, not the current one */
  @IsString()
  @MaxLength(200)
  newPassword: string;
}
