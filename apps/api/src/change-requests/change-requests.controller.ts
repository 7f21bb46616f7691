import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
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
  ChangeRequestDto,
  ChangeRequestReviewService,
  ChangeRequestSubmitService,
  liaisonFieldRules,
  LiaisonFieldRuleDto,
  ListChangeRequestsQueryDto,
  RejectChangeRequestDto,
  SubmitChangeRequestDto,
} from '@app/registry';

@ApiTags('change-requests')
@Controller()
@ApiBadRequestResponse({ type: ErrorResponseDto })
export class ChangeRequestsController {
  constructor(
    private readonly submitter: ChangeRequestSubmitService,
    private readonly review: ChangeRequestReviewService,
  ) {}

  /** Liaison: propose profile or figures changes for a bound enterprise; contact fields and address apply at once */
  @Post('enterprises/:id/change-requests')
  @RequirePermission(Permission.CHANGE_REQUEST_SUBMIT)
  @ApiCreatedResponse({ type: ChangeRequestDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'FIELD_NOT_ALLOWED (errors[].field names each refused field)' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'ENTERPRISE_NOT_FOUND (also when not bound to you)' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VERSION_CONFLICT, ENTERPRISE_ARCHIVED' })
  submit(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SubmitChangeRequestDto): Promise<ChangeRequestDto> {
    return this.submitter.submit(actor, id, dto);
  }

  /** Liaison: own requests; staff: the queue of enterprises in their scope (filter by status, district, enterprise) */
  @Get('change-requests')
  @RequirePermission(Permission.CHANGE_REQUEST_READ)
  @ApiPaginatedResponse(ChangeRequestDto)
  list(@CurrentActor() actor: Actor, @Query() query: ListChangeRequestsQueryDto): Promise<Paginated<ChangeRequestDto>> {
    return this.review.list(actor, query);
  }

  /** What a liaison's change to each profile field does — 立即生效, 需审核, or locked (ask district staff) */
  @Get('change-requests/field-rules')
  @RequirePermission(Permission.CHANGE_REQUEST_READ)
  @ApiOkResponse({ type: [LiaisonFieldRuleDto] })
  fieldRules(): LiaisonFieldRuleDto[] {
    return liaisonFieldRules();
  }

  @Get('change-requests/:id')
  @RequirePermission(Permission.CHANGE_REQUEST_READ)
  @ApiOkResponse({ type: ChangeRequestDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'CHANGE_REQUEST_NOT_FOUND' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ChangeRequestDto> {
    return this.review.get(actor, id);
  }

  /** Apply the proposal in one transaction; if the data changed since its base version → 409 and it stays pending */
  @Post('change-requests/:id/approve')
  @HttpCode(200)
  @RequirePermission(Permission.CHANGE_REQUEST_REVIEW)
  @ApiOkResponse({ type: ChangeRequestDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'CHANGE_REQUEST_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VERSION_CONFLICT, CHANGE_REQUEST_NOT_PENDING' })
  approve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ChangeRequestDto> {
    return this.review.approve(actor, id);
  }

  /** Reject with a reason the liaison sees */
  @Post('change-requests/:id/reject')
  @HttpCode(200)
  @RequirePermission(Permission.CHANGE_REQUEST_REVIEW)
  @ApiOkResponse({ type: ChangeRequestDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'CHANGE_REQUEST_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'CHANGE_REQUEST_NOT_PENDING' })
  reject(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RejectChangeRequestDto): Promise<ChangeRequestDto> {
    return this.review.reject(actor, id, dto);
  }
}
