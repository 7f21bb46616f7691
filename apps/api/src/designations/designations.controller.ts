import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { CurrentActor, Permission, RequirePermission } from '@app/auth';
import { ApiPaginatedResponse, ErrorResponseDto } from '@app/core';
import type { Actor, Paginated } from '@app/core';
import {
  CreateDesignationDto,
  DesignationDetailDto,
  DesignationDto,
  DesignationQueryService,
  DesignationService,
  ListDesignationsQueryDto,
  TransitionDesignationDto,
} from '@app/cultivation';

@ApiTags('designations')
@Controller('designations')
@ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED, DATE_IN_FUTURE, DATE_OUT_OF_ORDER' })
export class DesignationsController {
  constructor(
    private readonly designations: DesignationService,
    private readonly query: DesignationQueryService,
  ) {}

  /** Tag an enterprise as a candidate for, or holder of, a tier or recognition */
  @Post()
  @RequirePermission(Permission.DESIGNATION_WRITE)
  @ApiCreatedResponse({ type: DesignationDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'ENTERPRISE_NOT_FOUND, CHAIN_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'DUPLICATE_DESIGNATION, ENTERPRISE_ARCHIVED' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateDesignationDto): Promise<DesignationDetailDto> {
    return this.designations.create(actor, dto);
  }

  /** Filter designations; `expiringWithinDays=60` lists live recognitions expiring in the next 60 days */
  @Get()
  @RequirePermission(Permission.ENTERPRISE_READ)
  @ApiPaginatedResponse(DesignationDto)
  list(@CurrentActor() actor: Actor, @Query() query: ListDesignationsQueryDto): Promise<Paginated<DesignationDto>> {
    return this.query.list(actor, query);
  }

  /** One designation with its full history and the legal next states */
  @Get(':id')
  @RequirePermission(Permission.ENTERPRISE_READ)
  @ApiOkResponse({ type: DesignationDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DesignationDetailDto> {
    return this.query.get(actor, id);
  }

  /** Move along the lifecycle; an illegal step is 409 ILLEGAL_TRANSITION with `details.allowed` */
  @Post(':id/transitions')
  @RequirePermission(Permission.DESIGNATION_WRITE)
  @ApiCreatedResponse({ type: DesignationDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'ILLEGAL_TRANSITION, VERSION_CONFLICT' })
  transition(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: TransitionDesignationDto): Promise<DesignationDetailDto> {
    return this.designations.transition(actor, id, dto);
  }
}
