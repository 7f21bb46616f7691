import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';

import { CreateSavedViewDto, CurrentActor, ListSavedViewsQueryDto, Permission, RequirePermission, SavedViewDto, SavedViewService, UpdateSavedViewDto } from '@app/auth';
import { ErrorResponseDto } from '@app/core';
import type { Actor } from '@app/core';

@ApiTags('saved-views')
@Controller('saved-views')
export class SavedViewsController {
  constructor(private readonly views: SavedViewService) {}

  /** The caller's views and the shared views in their scope (own first), optionally of one page */
  @Get()
  @RequirePermission(Permission.SELF_READ)
  @ApiOkResponse({ type: [SavedViewDto] })
  list(@CurrentActor() actor: Actor, @Query() query: ListSavedViewsQueryDto): Promise<SavedViewDto[]> {
    return this.views.list(actor, query);
  }

  /** Save a view (personal, or shared with staff — staff only). Audited as saved_view.create */
  @Post()
  @RequirePermission(Permission.SELF_WRITE)
  @ApiCreatedResponse({ type: SavedViewDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED (state not an object or over 16 KB)' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'FORBIDDEN (shared by a role that may not share)' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'SAVED_VIEW_NAME_TAKEN' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateSavedViewDto): Promise<SavedViewDto> {
    return this.views.create(actor, dto);
  }

  /** Rename, share/unshare or replace the state of one's own view, with the version read */
  @Patch(':id')
  @RequirePermission(Permission.SELF_WRITE)
  @ApiOkResponse({ type: SavedViewDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'NOT_OWNER (a shared view of someone else)' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'SAVED_VIEW_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VERSION_CONFLICT, SAVED_VIEW_NAME_TAKEN' })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateSavedViewDto): Promise<SavedViewDto> {
    return this.views.update(actor, id, dto);
  }

  /** Delete one's own view. Audited as saved_view.delete */
  @Delete(':id')
  @HttpCode(204)
  @RequirePermission(Permission.SELF_WRITE)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'NOT_OWNER' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'SAVED_VIEW_NOT_FOUND' })
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.views.remove(actor, id);
  }
}
