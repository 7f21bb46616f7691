import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import {
  CreateUserDto,
  CurrentActor,
  ListUsersQueryDto,
  Permission,
  RequirePermission,
  ResetPasswordDto,
  UpdateUserDto,
  UserAdminService,
  UserDto,
  UsersService,
} from '@app/auth';
import { ApiPaginatedResponse, ErrorResponseDto } from '@app/core';
import type { Actor, Paginated } from '@app/core';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly admin: UserAdminService,
  ) {}

  /** Create a user (admin) */
  @Post()
  @RequirePermission(Permission.USER_MANAGE)
  @ApiCreatedResponse({ type: UserDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'USERNAME_TAKEN' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserDto> {
    return this.users.create(actor, dto);
  }

  /** List users (admin), filter by role, active, name */
  @Get()
  @RequirePermission(Permission.USER_MANAGE)
  @ApiPaginatedResponse(UserDto)
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  list(@Query() query: ListUsersQueryDto): Promise<Paginated<UserDto>> {
    return this.admin.list(query);
  }

  /** Change role, scope (districts, bound enterprises), display name, or disable with active=false (takes effect at once) */
  @Patch(':id')
  @RequirePermission(Permission.USER_MANAGE)
  @ApiOkResponse({ type: UserDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'USER_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VERSION_CONFLICT, SELF_LOCKOUT' })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto): Promise<UserDto> {
    return this.admin.update(actor, id, dto);
  }

  /** Set a new password for a user (admin) */
  @Post(':id/reset-password')
  @HttpCode(200)
  @RequirePermission(Permission.USER_MANAGE)
  @ApiOkResponse({ type: UserDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'PASSWORD_TOO_WEAK' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'USER_NOT_FOUND' })
  resetPassword(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ResetPasswordDto): Promise<UserDto> {
    return this.admin.resetPassword(actor, id, dto);
  }
}
