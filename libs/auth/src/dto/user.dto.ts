import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';

import { PageQueryDto, Role } from '@app/core';

import { UserEntity } from '../entities/user.entity';

export class UserDto {
  id: string;
  username: string;
  displayName: string;
  @ApiProperty({ enum: Role, enumName: 'Role' })
  role: Role;
  /** Chinese label of the role */
  roleLabel: string;
  active: boolean;
  districtCodes: string[];
  enterpriseIds: string[];
  lastLoginAt: Date | null;
  /** Send it back on PATCH; a stale one gets 409 */
  version: number;

  static from(user: UserEntity, roleLabel: string): UserDto {
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      roleLabel,
      active: user.active,
      districtCodes: user.districtCodes,
      enterpriseIds: user.enterpriseIds,
      lastLoginAt: user.lastLoginAt,
      version: user.version,
    };
  }
}

export class CreateUserDto {
  @Matches(/^[A-Za-z0-9_.-]{3,64}$/, { message: '用户名为 3–64 位字母、数字、点、横线或下划线' })
  username: string;

  @IsString()
  @MaxLength(200)
  password: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  displayName?: string;

  @IsEnum(Role)
  @ApiProperty({ enum: Role, enumName: 'Role' })
  role: Role;

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  districtCodes?: string[];

  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  enterpriseIds?: string[];
}

export class UpdateUserDto {
  /** The version you read; stale → 409 VERSION_CONFLICT */
  @IsInt()
  @Min(1)
  version: number;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  displayName?: string;

  @IsOptional()
  @IsEnum(Role)
  @ApiPropertyOptional({ enum: Role, enumName: 'Role' })
  role?: Role;

  /** false disables the account: its tokens stop working on the next request */
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  /** DISTRICT_STAFF: the districts (GB/T 2260 codes) they work for */
  @IsOptional()
  @IsArray()
  @Matches(/^\d{6}$/, { each: true, message: 'districtCodes 每项应为 6 位行政区划代码' })
  districtCodes?: string[];

  /** LIAISON: the enterprises they are bound to */
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  enterpriseIds?: string[];
}

export class ResetPasswordDto {
  /** The new password: at least 10 characters with letters and digits */
  @IsString()
  @MaxLength(200)
  password: string;
}

export class ListUsersQueryDto extends PageQueryDto {
  @IsOptional()
  @IsEnum(Role)
  @ApiPropertyOptional({ enum: Role, enumName: 'Role' })
  role?: Role;

  /** Part of the username or display name */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  q?: string;

  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'active 应为 true 或 false' })
  active?: boolean;
}
