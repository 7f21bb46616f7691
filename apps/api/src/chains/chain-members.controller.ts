import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { CurrentActor, Permission, RequirePermission } from '@app/auth';
import { ErrorResponseDto } from '@app/core';
import type { Actor } from '@app/core';
import { AddChainMemberDto, ChainMemberDto, ChainMembershipService } from '@app/cultivation';

@ApiTags('chains')
@Controller('chains/:id/members')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'CHAIN_NOT_FOUND, ENTERPRISE_NOT_FOUND, SEGMENT_NOT_FOUND' })
export class ChainMembersController {
  constructor(private readonly members: ChainMembershipService) {}

  /** Enterprises on the chain with their segment and stage */
  @Get()
  @RequirePermission(Permission.ENTERPRISE_READ)
  @ApiOkResponse({ type: [ChainMemberDto] })
  list(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ChainMemberDto[]> {
    return this.members.list(actor, id);
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
