import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';

import { AuditEntryDto, AuditQueryDto, AuditQueryService } from '@app/audit';
import { CurrentActor, Permission, RequirePermission } from '@app/auth';
import { ApiPaginatedResponse, ErrorResponseDto } from '@app/core';
import type { Actor, Paginated } from '@app/core';
import { EnterpriseHistoryService } from '@app/registry';

@ApiTags('audit')
@Controller()
@ApiBadRequestResponse({ type: ErrorResponseDto })
export class AuditController {
  constructor(
    private readonly audit: AuditQueryService,
    private readonly history: EnterpriseHistoryService,
  ) {}

  /** The audit trail, newest first; district officers see rows about enterprises in their districts only */
  @Get('audit')
  @RequirePermission(Permission.AUDIT_READ)
  @ApiPaginatedResponse(AuditEntryDto)
  list(@CurrentActor() actor: Actor, @Query() query: AuditQueryDto): Promise<Paginated<AuditEntryDto>> {
    return this.audit.list(actor, query);
  }

  /** One enterprise's history: profile, figures, change requests and every other row recorded with its id */
  @Get('enterprises/:id/history')
  @RequirePermission(Permission.AUDIT_READ)
  @ApiPaginatedResponse(AuditEntryDto)
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  enterpriseHistory(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: AuditQueryDto): Promise<Paginated<AuditEntryDto>> {
    return this.history.history(actor, id, query);
  }
}
