import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';

import { CurrentActor, Permission, RequirePermission } from '@app/auth';
import { ApiPaginatedResponse, ErrorResponseDto, Paginated } from '@app/core';
import type { Actor } from '@app/core';
import { AddChainMemberDto, ChainMemberDto, ChainMembershipService, ListChainMembersQueryDto } from '@app/cultivation';

@ApiTags('chains')
@Controller('chains/:id/members')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'CHAIN_NOT_FOUND, ENTERPRISE_NOT_FOUND, SEGMENT_NOT_FOUND' })
export class ChainMembersController {
  constructor(private readonly members: ChainMembershipService) {}

  /** One page of the enterprises on the chain (in the caller's scope) with their segment and stage; filter by tier, segment, stage, keyword */
  @Get()
  @RequirePermission(Permission.ENTERPRISE_READ)
  @ApiPaginatedResponse(ChainMemberDto)
  list(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: ListChainMembersQueryDto): Promise<Paginated<ChainMemberDto>> {
    return this.members.list(actor, id, query);
  }

  /** Place an enterprise on the chain (once per chain) */
  @Post()
  @RequirePermission(Permission.CHAIN_MEMBER_WRITE)
  @ApiCreatedResponse({ type: ChainMemberDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'CHAIN_MEMBER_DUPLICATE' })
  add(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AddChainMemberDto): Promise<ChainMemberDto> {
    return this.members.add(actor, id, dto);
  }

  @Delete(':memberId')
  @HttpCode(204)
  @RequirePermission(Permission.CHAIN_MEMBER_WRITE)
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('memberId', ParseUUIDPipe) memberId: string): Promise<void> {
    return this.members.remove(actor, id, memberId);
  }
}
