import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { CurrentActor, Permission, RequirePermission } from '@app/auth';
import { ErrorResponseDto } from '@app/core';
import type { Actor } from '@app/core';
import { DesignationDto, DesignationQueryService, EnterpriseScaleTiersDto, ScaleTierService, YearQueryDto } from '@app/cultivation';

@ApiTags('enterprises')
@Controller('enterprises/:id')
@ApiNotFoundResponse({ type: ErrorResponseDto })
export class EnterpriseDesignationsController {
  constructor(
    private readonly designationQuery: DesignationQueryService,
    private readonly scaleTierService: ScaleTierService,
  ) {}

  /** The enterprise's tiers and recognitions, live ones first */
  @Get('designations')
  @RequirePermission(Permission.ENTERPRISE_READ)
  @ApiOkResponse({ type: [DesignationDto] })
  designations(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DesignationDto[]> {
    return this.designationQuery.forEnterprise(actor, id);
  }

  /** Scale tiers derived from the year's operating revenue, beside the tagged scale designations */
  @Get('scale-tiers')
  @RequirePermission(Permission.ENTERPRISE_READ)
  @ApiOkResponse({ type: EnterpriseScaleTiersDto })
  scaleTiers(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: YearQueryDto): Promise<EnterpriseScaleTiersDto> {
    return this.scaleTierService.forEnterprise(actor, id, query.year);
  }
}
