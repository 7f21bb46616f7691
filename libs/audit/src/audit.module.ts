import { Global, Module } from '@nestjs/common';

import { AuditQueryService } from './audit-query.service';
import { AuditService } from './audit.service';

@Global()
@Module({ providers: [AuditService, AuditQueryService], exports: [AuditService, AuditQueryService] })
export class AuditModule {}
