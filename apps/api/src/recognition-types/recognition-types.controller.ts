import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { CurrentActor, Permission, RequirePermission } from '@app/auth';
import { ErrorResponseDto } from '@app/core';
import type { Actor } from '@app/core';
import { CreateRecognitionTypeDto, RecognitionTypeDto, RecognitionTypeService, UpdateRecognitionTypeDto } from '@app/cultivation';

@ApiTags('reference')
@Controller('recognition-types')
@ApiBadRequestResponse({ type: ErrorResponseDto })
export class RecognitionTypesController {
  constructor(private readonly catalogue: RecognitionTypeService) {}

  /** The recognition catalogue (认定类型): every type with its levels, validity, issuing body and holder */
  @Get()
  @RequirePermission(Permission.REFERENCE_READ)
  @ApiOkResponse({ type: [RecognitionTypeDto] })
  list(): Promise<RecognitionTypeDto[]> {
    return this.catalogue.list();
  }

  @Get(':code')
  @RequirePermission(Permission.REFERENCE_READ)
  @ApiOkResponse({ type: RecognitionTypeDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'RECOGNITION_TYPE_NOT_FOUND' })
  get(@Param('code') code: string): Promise<RecognitionTypeDto> {
    return this.catalogue.get(code);
  }

  /** Add a type (policy changes yearly): recognitions of it can be recorded at once, no release needed */
  @Post()
  @RequirePermission(Permission.REFERENCE_WRITE)
  @ApiCreatedResponse({ type: RecognitionTypeDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'RECOGNITION_TYPE_CODE_TAKEN' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateRecognitionTypeDto): Promise<RecognitionTypeDto> {
    return this.catalogue.create(actor, dto);
  }

  /** Edit a type (name, levels, validity, dates); the validity applies to recognitions recorded from now on */
  @Patch(':code')
  @RequirePermission(Permission.REFERENCE_WRITE)
  @ApiOkResponse({ type: RecognitionTypeDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VERSION_CONFLICT' })
  update(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: UpdateRecognitionTypeDto): Promise<RecognitionTypeDto> {
    return this.catalogue.update(actor, code, dto);
  }
}
