import { createParamDecorator, ExecutionContext, SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';

import { Actor, ErrorResponseDto } from '@app/core';

import { Permission, ROLE_PERMISSIONS } from './permission';

export const PUBLIC_KEY = 'auth:public';
export const PERMISSION_KEY = 'auth:permission';

/** Opts a route out of authentication (login, health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The permission a route needs; documents its auth and error responses in OpenAPI. */
export function RequirePermission(permission: Permission) {
  const roles = Object.entries(ROLE_PERMISSIONS)
    .filter(([, perms]) => perms.includes(permission))
    .map(([role]) => role);
  return applyDecorators(
    SetMetadata(PERMISSION_KEY, permission),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ type: ErrorResponseDto, description: '未登录或令牌无效 (UNAUTHENTICATED)' }),
    ApiForbiddenResponse({ type: ErrorResponseDto, description: `需要权限 ${permission},角色:${roles.join(', ')}` }),
  );
}

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => ctx.switchToHttp().getRequest().actor);
