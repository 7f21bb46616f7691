import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { CurrentActor, Permission, RequirePermission } from '@app/auth';
import { ApiPaginatedResponse, ErrorResponseDto } from '@app/core';
import type { Actor, Paginated } from '@app/core';
import { CarrierDetailDto, CarrierDto, CarrierService, CreateCarrierDto, ListCarriersQueryDto, UpdateCarrierDto } from '@app/cultivation';

@ApiTags('carriers')
@Controller('carriers')
@ApiBadRequestResponse({ type: ErrorResponseDto })
export class CarriersController {
  constructor(private readonly carriers: CarrierService) {}

  /** Carriers (载体: 绿色园区, 绿色设计产品, 工业互联网平台, 产业大脑, 特色应用) in the actor's districts */
  @Get()
  @RequirePermission(Permission.ENTERPRISE_READ)
  @ApiPaginatedResponse(CarrierDto)
  list(@CurrentActor() actor: Actor, @Query() query: ListCarriersQueryDto): Promise<Paginated<CarrierDto>> {
    return this.carriers.list(actor, query);
  }

  /** Register a carrier; its recognitions are recorded through POST /designations with carrierId */
  @Post()
  @RequirePermission(Permission.DESIGNATION_WRITE)
  @ApiCreatedResponse({ type: CarrierDetailDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCarrierDto): Promise<CarrierDetailDto> {
    return this.carriers.create(actor, dto);
  }

  /** One carrier with every recognition it holds or held */
  @Get(':id')
  @RequirePermission(Permission.ENTERPRISE_READ)
  @ApiOkResponse({ type: CarrierDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'CARRIER_NOT_FOUND' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CarrierDetailDto> {
    return this.carriers.get(actor, id);
  }

  /** Edit a carrier; send the `version` you read */
  @Patch(':id')
  @RequirePermission(Permission.DESIGNATION_WRITE)
  @ApiOkResponse({ type: CarrierDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VERSION_CONFLICT' })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateCarrierDto): Promise<CarrierDetailDto> {
    return this.carriers.update(actor, id, dto);
  }
}
