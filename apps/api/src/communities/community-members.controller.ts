import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { CurrentActor, Permission, RequirePermission } from '@app/auth';
import { ErrorResponseDto } from '@app/core';
import type { Actor } from '@app/core';
import { AddCommunityMemberDto, CommunityMemberDto, CommunityMemberService, LeaveCommunityDto } from '@app/cultivation';

@ApiTags('communities')
@Controller('communities/:id/members')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto })
export class CommunityMembersController {
  constructor(private readonly members: CommunityMemberService) {}

  /** All membership spells, current (leftOn null) and past */
  @Get()
  @RequirePermission(Permission.ENTERPRISE_READ)
  @ApiOkResponse({ type: [CommunityMemberDto] })
  list(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CommunityMemberDto[]> {
    return this.members.list(actor, id);
  }

  /** Join (or rejoin: a new spell) with a role */
  @Post()
  @RequirePermission(Permission.COMMUNITY_WRITE)
  @ApiCreatedResponse({ type: CommunityMemberDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'COMMUNITY_MEMBER_DUPLICATE, COMMUNITY_DISSOLVED' })
  join(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AddCommunityMemberDto): Promise<CommunityMemberDto> {
    return this.members.join(actor, id, dto);
  }

  /** Leave: sets leftOn, the spell stays in the history */
  @Post(':memberId/leave')
  @HttpCode(200)
  @RequirePermission(Permission.COMMUNITY_WRITE)
  @ApiOkResponse({ type: CommunityMemberDto })
  leave(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('memberId', ParseUUIDPipe) memberId: string,
    @Body() dto: LeaveCommunityDto,
  ): Promise<CommunityMemberDto> {
    return this.members.leave(actor, id, memberId, dto);
  }
}
