import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';

import { CurrentActor, Permission, RequirePermission } from '@app/auth';
import { ApiPaginatedResponse, ErrorResponseDto } from '@app/core';
import type { Actor, Paginated } from '@app/core';
import {
  CreateEnterpriseDto,
  EnterpriseDto,
  EnterpriseService,
  ListEnterprisesQueryDto,
  UpdateEnterpriseDto,
} from '@app/registry';

@ApiTags('enterprises')
@Controller('enterprises')
@ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED, CREDIT_CODE_INVALID, …' })
export class EnterprisesController {
  constructor(private readonly enterprises: EnterpriseService) {}

  /** Register an enterprise */
  @Post()
  @RequirePermission(Permission.ENTERPRISE_WRITE)
  @ApiCreatedResponse({ type: EnterpriseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'FORBIDDEN, OUT_OF_SCOPE (district officer naming another district)' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'CREDIT_CODE_DUPLICATE' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateEnterpriseDto): Promise<EnterpriseDto> {
    return this.enterprises.create(actor, dto);
  }

  /** Search and filter the registry */
  @Get()
  @RequirePermission(Permission.ENTERPRISE_READ)
  @ApiPaginatedResponse(EnterpriseDto)
  list(@CurrentActor() actor: Actor, @Query() query: ListEnterprisesQueryDto): Promise<Paginated<EnterpriseDto>> {
    return this.enterprises.list(actor, query);
  }

  /** Look up by 统一社会信用代码 (normalised like input) */
  @Get('by-credit-code/:code')
  @RequirePermission(Permission.ENTERPRISE_READ)
  @ApiOkResponse({ type: EnterpriseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  byCreditCode(@CurrentActor() actor: Actor, @Param('code') code: string): Promise<EnterpriseDto> {
    return this.enterprises.getByCreditCode(actor, code);
  }

  @Get(':id')
  @RequirePermission(Permission.ENTERPRISE_READ)
  @ApiOkResponse({ type: EnterpriseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<EnterpriseDto> {
    return this.enterprises.get(actor, id);
  }

  /** Change profile fields; send the `version` you read (stale → 409 VERSION_CONFLICT) */
  @Patch(':id')
  @RequirePermission(Permission.ENTERPRISE_WRITE)
  @ApiOkResponse({ type: EnterpriseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VERSION_CONFLICT, CREDIT_CODE_DUPLICATE, ENTERPRISE_ARCHIVED' })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateEnterpriseDto): Promise<EnterpriseDto> {
    return this.enterprises.update(actor, id, dto);
  }

  /** Archive (nothing is hard-deleted) */
  @Delete(':id')
  @RequirePermission(Permission.ENTERPRISE_WRITE)
  @ApiOkResponse({ type: EnterpriseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  archive(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<EnterpriseDto> {
    return this.enterprises.archive(actor, id);
  }
}
