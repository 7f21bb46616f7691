import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { CurrentActor, Permission, RequirePermission } from '@app/auth';
import { ApiPaginatedResponse, ErrorResponseDto } from '@app/core';
import type { Actor, Paginated } from '@app/core';
import { RemediationExportService } from '@app/importing';
import {
  BulkOpenCasesDto,
  BulkOpenResultDto,
  CreateRemediationCaseDto,
  FromEvaluationPreviewDto,
  FromEvaluationPreviewQueryDto,
  FromEvaluationResultDto,
  OpenFromEvaluationDto,
  RemediationFromEvaluationService,
  ListRemediationCasesQueryDto,
  RemediationCaseDetailDto,
  RemediationCaseDto,
  RemediationCaseQueryService,
  RemediationCaseService,
  RemediationExportQueryDto,
  TransitionRemediationCaseDto,
  UpdateRemediationCaseDto,
} from '@app/remediation';

import { attachment } from '../imports/imports.controller';

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

/**
 * Remediation cases (整治提升): 高耗低效, 散乱弱, 亩均 D 类 firms and 低效区块. District officers work on their
 * districts' cases; a liaison reads their own firm's cases and changes nothing (no REMEDIATION_WRITE).
 */
@ApiTags('remediation')
@Controller('remediation/cases')
@ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED, DATE_IN_FUTURE, DATE_OUT_OF_ORDER' })
export class RemediationCasesController {
  constructor(
    private readonly cases: RemediationCaseService,
    private readonly query: RemediationCaseQueryService,
    private readonly exports: RemediationExportService,
    private readonly fromEvaluation: RemediationFromEvaluationService,
  ) {}

  /** Filter cases (category, status, district, overdue = open past the deadline), soonest deadline first */
  @Get()
  @RequirePermission(Permission.REMEDIATION_READ)
  @ApiPaginatedResponse(RemediationCaseDto)
  list(@CurrentActor() actor: Actor, @Query() query: ListRemediationCasesQueryDto): Promise<Paginated<RemediationCaseDto>> {
    return this.query.list(actor, query);
  }

  /** The filtered cases as CSV (UTF-8 with BOM) or XLSX, Chinese headers and labels; recorded in the audit trail */
  @Get('export')
  @RequirePermission(Permission.EXPORT)
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'CSV or XLSX file', schema: { type: 'string', format: 'binary' } })
  async export(@CurrentActor() actor: Actor, @Query() query: RemediationExportQueryDto, @Res() res: Response): Promise<void> {
    const format = query.format ?? 'csv';
    res.setHeader('Content-Type', CONTENT_TYPES[format]);
    res.setHeader('Content-Disposition', attachment(`整治提升案件.${format}`, `remediation-cases.${format}`));
    await this.exports.cases(actor, query, format, res);
  }

  /** Open a case for an enterprise (or, for LOW_EFFICIENCY_BLOCK, a land block) */
  @Post()
  @RequirePermission(Permission.REMEDIATION_WRITE)
  @ApiCreatedResponse({ type: RemediationCaseDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'ENTERPRISE_NOT_FOUND, LAND_BLOCK_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'DUPLICATE_OPEN_CASE, ENTERPRISE_ARCHIVED' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateRemediationCaseDto): Promise<RemediationCaseDetailDto> {
    return this.cases.create(actor, dto);
  }

  /**
   * Open a case of one category for many firms (ids or credit codes), all or nothing: an unknown or out-of-scope
   * firm refuses the batch; firms that already have an open case of the category are skipped and listed
   */
  @Post('bulk')
  @RequirePermission(Permission.REMEDIATION_WRITE)
  @ApiCreatedResponse({ type: BulkOpenResultDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'ENTERPRISE_NOT_FOUND' })
  bulk(@CurrentActor() actor: Actor, @Body() dto: BulkOpenCasesDto): Promise<BulkOpenResultDto> {
    return this.cases.openForEnterprises(actor, dto);
  }

  /**
   * Open a case (source 亩均效益评价D类 + year) for every D-class firm (final class) of the year's evaluation in
   * the caller's scope; refused until the year's results are publicised. Firms with an open case are skipped and listed
   */
  @Post('from-evaluation')
  @RequirePermission(Permission.REMEDIATION_WRITE)
  @ApiCreatedResponse({ type: FromEvaluationResultDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'EVALUATION_NOT_COMPUTED, EVALUATION_NOT_PUBLICISED' })
  openFromEvaluation(@CurrentActor() actor: Actor, @Body() dto: OpenFromEvaluationDto): Promise<FromEvaluationResultDto> {
    return this.fromEvaluation.open(actor, dto);
  }

  /** How many D-class firms of the year a from-evaluation opening would cover for the caller, and how many already have an open case */
  @Get('from-evaluation/preview')
  @RequirePermission(Permission.REMEDIATION_WRITE)
  @ApiOkResponse({ type: FromEvaluationPreviewDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'EVALUATION_NOT_COMPUTED, EVALUATION_NOT_PUBLICISED' })
  previewFromEvaluation(@CurrentActor() actor: Actor, @Query() query: FromEvaluationPreviewQueryDto): Promise<FromEvaluationPreviewDto> {
    return this.fromEvaluation.preview(actor, query.year, query.category);
  }

  /** One case with its dated history and the legal next states */
  @Get(':id')
  @RequirePermission(Permission.REMEDIATION_READ)
  @ApiOkResponse({ type: RemediationCaseDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RemediationCaseDetailDto> {
    return this.query.get(actor, id);
  }

  /** Change the plan, measures, responsible unit or deadline (subject and category never change) */
  @Patch(':id')
  @RequirePermission(Permission.REMEDIATION_WRITE)
  @ApiOkResponse({ type: RemediationCaseDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VERSION_CONFLICT' })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateRemediationCaseDto): Promise<RemediationCaseDetailDto> {
    return this.cases.update(actor, id, dto);
  }

  /** Move along the lifecycle; closing (CLOSED) needs an outcome and evidence, its effectiveOn is the closing date */
  @Post(':id/transitions')
  @RequirePermission(Permission.REMEDIATION_WRITE)
  @ApiCreatedResponse({ type: RemediationCaseDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'ILLEGAL_TRANSITION, VERSION_CONFLICT, DUPLICATE_OPEN_CASE' })
  transition(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: TransitionRemediationCaseDto): Promise<RemediationCaseDetailDto> {
    return this.cases.transition(actor, id, dto);
  }
}
