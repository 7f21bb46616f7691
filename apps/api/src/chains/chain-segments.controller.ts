import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { CurrentActor, Permission, RequirePermission } from '@app/auth';
import { ErrorResponseDto } from '@app/core';
import type { Actor } from '@app/core';
import { ChainSegmentNodeDto, ChainSegmentService, CreateChainSegmentDto, UpdateChainSegmentDto } from '@app/cultivation';

@ApiTags('chains')
@Controller('chains/:id/segments')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'CHAIN_NOT_FOUND, SEGMENT_NOT_FOUND' })
export class ChainSegmentsController {
  constructor(private readonly segments: ChainSegmentService) {}

  /** The chain's segment tree, each node with its stage (上游/中游/下游) */
  @Get()
  @RequirePermission(Permission.REFERENCE_READ)
  @ApiOkResponse({ type: [ChainSegmentNodeDto] })
  tree(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ChainSegmentNodeDto[]> {
    return this.segments.tree(actor, id);
  }

  /** Add a segment (optionally under a parent); returns the new tree */
  @Post()
  @RequirePermission(Permission.CHAIN_WRITE)
  @ApiCreatedResponse({ type: [ChainSegmentNodeDto] })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'DUPLICATE' })
  create(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateChainSegmentDto): Promise<ChainSegmentNodeDto[]> {
    return this.segments.create(actor, id, dto);
  }

  @Patch(':segmentId')
  @RequirePermission(Permission.CHAIN_WRITE)
  @ApiOkResponse({ type: [ChainSegmentNodeDto] })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('segmentId', ParseUUIDPipe) segmentId: string,
    @Body() dto: UpdateChainSegmentDto,
  ): Promise<ChainSegmentNodeDto[]> {
    return this.segments.update(actor, id, segmentId, dto);
  }

  /** Remove an unused segment (409 SEGMENT_IN_USE while members or sub-segments remain) */
  @Delete(':segmentId')
  @HttpCode(204)
  @RequirePermission(Permission.CHAIN_WRITE)
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'SEGMENT_IN_USE' })
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('segmentId', ParseUUIDPipe) segmentId: string): Promise<void> {
    return this.segments.remove(actor, id, segmentId);
  }
}
