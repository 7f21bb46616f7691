import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AuditEntryDto, AuditQueryDto, AuditQueryService } from '@app/audit';
import { Actor, Paginated, SYSTEM_ACTOR } from '@app/core';

import { EnterpriseService } from './enterprise.service';

/** One enterprise's audit rows: its profile, figures, change requests and anything else recorded with its id. */
@Injectable()
export class EnterpriseHistoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly enterprises: EnterpriseService,
    private readonly auditQuery: AuditQueryService,
  ) {}

  async history(actor: Actor, enterpriseId: string, query: AuditQueryDto): Promise<Paginated<AuditEntryDto>> {
    await this.enterprises.findInScope(this.dataSource.manager, actor, enterpriseId);
    // Scope was checked on the enterprise itself; the query then runs unscoped for that one id.
    return this.auditQuery.list(SYSTEM_ACTOR, { ...query, enterpriseId } as AuditQueryDto);
  }
}
