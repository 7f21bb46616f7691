import { ApiProperty } from '@nestjs/swagger';
import { IsArray, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

import { Role } from '../role';
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
