import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { CurrentActor, Permission, RequirePermission } from '@app/auth';
import { ErrorResponseDto } from '@app/core';
import type { Actor } from '@app/core';
import {
  ChainMembershipService,
  CommunityMemberService,
  DesignationDto,
  DesignationQueryService,
  EnterpriseChainMembershipDto,
  EnterpriseCommunityDto,
  EnterpriseScaleTiersDto,
  ScaleTierService,
  YearQueryDto,
} from '@app/cultivation';

@ApiTags('enterprises')
@Controller('enterprises/:id')
@ApiNotFoundResponse({ type: ErrorResponseDto })
export class EnterpriseDesignationsController {
  constructor(
    private readonly designationQuery: DesignationQueryService,
    private readonly scaleTierService: ScaleTierService,
    private readonly chainMembershipService: ChainMembershipService,
    private readonly communityMemberService: CommunityMemberService,
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

  /** The enterprise's chain placements (chain, segment, joined/left, key flag), current ones first */
  @Get('chain-memberships')
  @RequirePermission(Permission.ENTERPRISE_READ)
  @ApiOkResponse({ type: [EnterpriseChainMembershipDto] })
  chainMemberships(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<EnterpriseChainMembershipDto[]> {
    return this.chainMembershipService.forEnterprise(actor, id);
  }

  /** The communities the enterprise is or was a member of, any role, with its role and spell dates */
  @Get('communities')
  @RequirePermission(Permission.ENTERPRISE_READ)
  @ApiOkResponse({ type: [EnterpriseCommunityDto] })
  communities(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<EnterpriseCommunityDto[]> {
    return this.communityMemberService.forEnterprise(actor, id);
  }
}
