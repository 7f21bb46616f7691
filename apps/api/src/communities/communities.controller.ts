import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { CurrentActor, Permission, RequirePermission } from '@app/auth';
import { ApiPaginatedResponse, ErrorResponseDto } from '@app/core';
import type { Actor, Paginated } from '@app/core';
import { CommunityDetailDto, CommunityDto, CommunityService, CreateCommunityDto, ListCommunitiesQueryDto, UpdateCommunityDto } from '@app/cultivation';

@ApiTags('communities')
@Controller('communities')
@ApiBadRequestResponse({ type: ErrorResponseDto })
export class CommunitiesController {
  constructor(private readonly communities: CommunityService) {}

  /** Found a community led by a chain leader of the same chain */
  @Post()
  @RequirePermission(Permission.COMMUNITY_WRITE)
  @ApiCreatedResponse({ type: CommunityDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'CHAIN_NOT_FOUND, ENTERPRISE_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'LEAD_NOT_CHAIN_LEADER' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCommunityDto): Promise<CommunityDetailDto> {
    return this.communities.create(actor, dto);
  }

  @Get()
  @RequirePermission(Permission.ENTERPRISE_READ)
  @ApiPaginatedResponse(CommunityDto)
  list(@CurrentActor() actor: Actor, @Query() query: ListCommunitiesQueryDto): Promise<Paginated<CommunityDto>> {
    return this.communities.list(actor, query);
  }

  /** A community with all membership spells, current and past */
  @Get(':id')
  @RequirePermission(Permission.ENTERPRISE_READ)
  @ApiOkResponse({ type: CommunityDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CommunityDetailDto> {
    return this.communities.get(actor, id);
  }

  /** Edit, form or dissolve; send the `version` you read */
  @Patch(':id')
  @RequirePermission(Permission.COMMUNITY_WRITE)
  @ApiOkResponse({ type: CommunityDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'COMMUNITY_NOT_FOUND (also when not visible to you), ENTERPRISE_NOT_FOUND (new lead outside your scope)' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'OUT_OF_SCOPE: the community is visible through a member, but its lead is outside your scope' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VERSION_CONFLICT, ILLEGAL_TRANSITION, LEAD_NOT_CHAIN_LEADER' })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateCommunityDto): Promise<CommunityDetailDto> {
    return this.communities.update(actor, id, dto);
  }
}
