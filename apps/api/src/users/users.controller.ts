import { Body, Controller, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';

import { CreateUserDto, CurrentActor, Permission, RequirePermission, UserDto, UsersService } from '@app/auth';
import { ErrorResponseDto } from '@app/core';
import type { Actor } from '@app/core';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Create a user (admin) */
  @Post()
  @RequirePermission(Permission.USER_MANAGE)
  @ApiCreatedResponse({ type: UserDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'USERNAME_TAKEN' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserDto> {
    return this.users.create(actor, dto);
  }
}
