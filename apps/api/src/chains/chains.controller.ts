import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { CurrentActor, Permission, RequirePermission } from '@app/auth';
import { ErrorResponseDto } from '@app/core';
import type { Actor } from '@app/core';
import { ChainService, ChainSummaryDto, ChainSummaryService, CreateChainDto, UpdateChainDto, YearQueryDto } from '@app/cultivation';
import { ChainDto } from '@app/reference';

@ApiTags('chains')
@Controller('chains')
@ApiBadRequestResponse({ type: ErrorResponseDto })
export class ChainsController {
  constructor(
    private readonly chains: ChainService,
    private readonly summaries: ChainSummaryService,
  ) {}

  /** The signature industrial chains (provisional ones flagged), in order */
  @Get()
  @RequirePermission(Permission.REFERENCE_READ)
  @ApiOkResponse({ type: [ChainDto] })
  list(@CurrentActor() actor: Actor): Promise<ChainDto[]> {
    return this.chains.list(actor);
  }

  @Post()
  @RequirePermission(Permission.CHAIN_WRITE)
  @ApiCreatedResponse({ type: ChainDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'CHAIN_CODE_DUPLICATE' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateChainDto): Promise<ChainDto> {
    return this.chains.create(actor, dto);
  }

  @Get(':id')
  @RequirePermission(Permission.REFERENCE_READ)
  @ApiOkResponse({ type: ChainDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ChainDto> {
    return this.chains.get(actor, id);
  }

  /** Edit a chain; send the `version` you read */
  @Patch(':id')
  @RequirePermission(Permission.CHAIN_WRITE)
  @ApiOkResponse({ type: ChainDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VERSION_CONFLICT, CHAIN_CODE_DUPLICATE' })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateChainDto): Promise<ChainDto> {
    return this.chains.update(actor, id, dto);
  }

  /** Members by stage and segment, leaders/cores/bases, and the members' totals for `year` */
  @Get(':id/summary')
  @RequirePermission(Permission.ENTERPRISE_READ)
  @ApiOkResponse({ type: ChainSummaryDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  summary(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: YearQueryDto): Promise<ChainSummaryDto> {
    return this.summaries.summary(actor, id, query.year);
  }
}
