import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';

import { APP_CONFIG, AppConfig } from '@app/core';

import { AdminBootstrapService } from './admin-bootstrap.service';
import { AuthService } from './auth.service';
import { UserEntity } from './entities/user.entity';
import { AuthGuard } from './guards/auth.guard';
import { resolveJwtSecret } from './jwt-secret';
import { ProfileService } from './profile.service';
import { SavedViewService } from './saved-views/saved-view.service';
import { UserAdminService } from './user-admin.service';
import { UsersService } from './users.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: resolveJwtSecret(config), signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } }),
    }),
  ],
  providers: [AuthService, UsersService, ProfileService, SavedViewService, AdminBootstrapService, UserAdminService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, UsersService, ProfileService, SavedViewService, AdminBootstrapService, UserAdminService],
})
export class AuthModule {}
