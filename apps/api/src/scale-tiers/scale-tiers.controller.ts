import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { CurrentActor, Permission, RequirePermission } from '@app/auth';
import { ErrorResponseDto } from '@app/core';
import type { Actor } from '@app/core';
import { EnterprisesAtTierDto, ScaleTierListQueryDto, ScaleTierService } from '@app/cultivation';

@ApiTags('scale-tiers')
@Controller('scale-tiers')
export class ScaleTiersController {
  constructor(private readonly scaleTiers: ScaleTierService) {}

  /** Enterprises whose operating revenue for `year` reaches `tier` (`newOnly=true`: not in the year before) */
  @Get()
  @RequirePermission(Permission.ENTERPRISE_READ)
  @ApiOkResponse({ type: EnterprisesAtTierDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  list(@CurrentActor() actor: Actor, @Query() query: ScaleTierListQueryDto): Promise<EnterprisesAtTierDto> {
    return this.scaleTiers.enterprisesAtTier(actor, query.year, query.tier, { newOnly: query.newOnly, districtCode: query.districtCode });
  }
}
