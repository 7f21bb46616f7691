import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';

import { Actor, AppException, ErrorCode, PreparedStatement, queryPrepared } from '@app/core';

import { PERMISSION_KEY, PUBLIC_KEY } from '../decorators';
import { UserEntity } from '../entities/user.entity';
import { Permission, roleHas } from '../permission';

export interface TokenPayload {
  sub: string;
  role: string;
  /** The user's token version when the token was issued; a reset, role/scope change or disabling raises it */
  tv: number;
}

const USER_SQL: PreparedStatement = {
  name: 'auth_guard_user',
  text:
    'SELECT id, username, display_name AS "displayName", role, active, district_codes::text[] AS "districtCodes", ' +
    'enterprise_ids::text[] AS "enterpriseIds", token_version AS "tokenVersion" FROM app_user WHERE id = $1',
};

type VerifiedToken = TokenPayload & { exp?: number };

/**
 * Tokens whose signature was checked, with their claims: a signature check costs more than the
 * rest of the guard (decoding, HMAC, claims), and a client sends the same token with every
 * request. Only the token's own validity is remembered, never the user's rights: expiry is checked
 * on every use, and the user row (active, role, scope, token version) is still read every time.
 */
const VERIFIED_TOKENS = 1000;

const unauthenticated = (message: string) => new AppException(HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHENTICATED, message);

/**
 * Global guard, deny by default: a route is served only when it is @Public() or names a permission
 * the caller's role holds. The user row is read on every request so a disabled account, or a token ended by a
 * password reset or a role or scope change (token version), stops at once.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly verified = new Map<string, VerifiedToken>();

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest();
    const header: string | undefined = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) throw unauthenticated('请先登录 (missing bearer token)');

    let payload = this.verified.get(token);
    // jsonwebtoken's own rule: expired once the current second reaches `exp`
    if (!payload || (payload.exp !== undefined && Math.floor(Date.now() / 1000) >= payload.exp)) {
      try {
        payload = await this.jwt.verifyAsync<VerifiedToken>(token);
      } catch {
        this.verified.delete(token);
        throw unauthenticated('登录已过期或令牌无效,请重新登录 (token invalid or expired)');
      }
      if (this.verified.size >= VERIFIED_TOKENS) this.verified.clear();
      this.verified.set(token, payload);
    }
    // Every request reads the user, so the revocation check is exact: one prepared statement, no query builder or hydration.
    const [user] = await queryPrepared<
      Pick<UserEntity, 'id' | 'username' | 'displayName' | 'role' | 'active' | 'districtCodes' | 'enterpriseIds' | 'tokenVersion'>
    >(this.users.manager.connection, USER_SQL, [payload.sub]);
    if (!user || !user.active) throw unauthenticated('账号不存在或已停用 (account missing or disabled)');
    if (payload.tv !== user.tokenVersion) {
      throw unauthenticated('密码或权限已变更,请重新登录 (token ended by a password, role or scope change)');
    }

    const actor: Actor = {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      districtCodes: user.districtCodes,
      enterpriseIds: user.enterpriseIds,
    };
    request.actor = actor;

    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);
    if (!permission || !roleHas(user.role, permission)) {
      throw AppException.forbidden(ErrorCode.FORBIDDEN, `当前角色无权执行此操作 (role ${user.role} lacks ${permission ?? 'a granted permission'})`);
    }
    return true;
  }
}
