import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { CurrentActor, Permission, RequirePermission } from '@app/auth';
import { ApiPaginatedResponse, ErrorResponseDto } from '@app/core';
import type { Actor, Paginated } from '@app/core';
import { CreateLandBlockDto, LandBlockDto, LandBlockService, ListLandBlocksQueryDto, UpdateLandBlockDto } from '@app/remediation';

/** Land blocks (低效用地区块): district officers their districts' blocks; liaisons see none. */
@ApiTags('remediation')
@Controller('remediation/blocks')
@ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED, DISTRICT_UNKNOWN' })
export class LandBlocksController {
  constructor(private readonly blocks: LandBlockService) {}

  @Get()
  @RequirePermission(Permission.REMEDIATION_READ)
  @ApiPaginatedResponse(LandBlockDto)
  list(@CurrentActor() actor: Actor, @Query() query: ListLandBlocksQueryDto): Promise<Paginated<LandBlockDto>> {
    return this.blocks.list(actor, query);
  }

  @Post()
  @RequirePermission(Permission.REMEDIATION_WRITE)
  @ApiCreatedResponse({ type: LandBlockDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'LAND_BLOCK_NAME_TAKEN' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateLandBlockDto): Promise<LandBlockDto> {
    return this.blocks.create(actor, dto);
  }

  @Get(':id')
  @RequirePermission(Permission.REMEDIATION_READ)
  @ApiOkResponse({ type: LandBlockDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<LandBlockDto> {
    return this.blocks.get(actor, id);
  }

  /** Name, area, location, coordinates, note (the district is fixed once recorded) */
  @Patch(':id')
  @RequirePermission(Permission.REMEDIATION_WRITE)
  @ApiOkResponse({ type: LandBlockDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VERSION_CONFLICT, LAND_BLOCK_NAME_TAKEN' })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateLandBlockDto): Promise<LandBlockDto> {
    return this.blocks.update(actor, id, dto);
  }

  /** Only a block without cases */
  @Delete(':id')
  @HttpCode(204)
  @RequirePermission(Permission.REMEDIATION_WRITE)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'LAND_BLOCK_IN_USE' })
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.blocks.remove(actor, id);
  }
}
