import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';

import { AuthService, ChangePasswordDto, CurrentActor, LoginDto, LoginResponseDto, MeDto, Permission, ProfileService, Public, RequirePermission } from '@app/auth';
import { ErrorResponseDto } from '@app/core';
import type { Actor } from '@app/core';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly profile: ProfileService,
  ) {}

  /** Exchange username and password for a bearer token (rate-limited per client address) */
  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'INVALID_CREDENTIALS' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'TOO_MANY_REQUESTS' })
  login(@Body() dto: LoginDto): Promise<LoginResponseDto> {
    return this.auth.login(dto.username, dto.password);
  }

  /** The logged-in user with the permissions of their role and their scope (districts or enterprises, by name) */
  @Get('me')
  @RequirePermission(Permission.SELF_READ)
  @ApiOkResponse({ type: MeDto })
  me(@CurrentActor() actor: Actor): Promise<MeDto> {
    return this.profile.me(actor);
  }

  /** Change one's own password (the current one is required; the policy is the one user creation uses). Audited as auth.password_change */
  @UseGuards(ThrottlerGuard)
  @Post('password')
  @HttpCode(204)
  @RequirePermission(Permission.SELF_WRITE)
  @ApiNoContentResponse({ description: 'Changed; the token in use stays valid until it expires' })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'CURRENT_PASSWORD_WRONG (currentPassword), PASSWORD_TOO_WEAK (newPassword)' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'TOO_MANY_REQUESTS' })
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.profile.changePassword(actor, dto);
  }
}
