import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { CurrentActor, Permission, RequirePermission } from '@app/auth';
import { ErrorResponseDto } from '@app/core';
import type { Actor } from '@app/core';
import {
  CreateManualReportDto,
  CreateQuotaLineDto,
  CreateQuotaPlanDto,
  ManualReportDto,
  QuotaLineDto,
  QuotaPlanCopyService,
  QuotaPlanDto,
  QuotaPlanService,
  QuotaPlanSummaryDto,
  UpdateQuotaLineDto,
} from '@app/quotas';

@ApiTags('quota-plans')
@Controller('quota-plans')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'QUOTA_PLAN_NOT_FOUND / QUOTA_LINE_NOT_FOUND' })
export class QuotaPlansController {
  constructor(
    private readonly plans: QuotaPlanService,
    private readonly copies: QuotaPlanCopyService,
  ) {}

  /** All plans, newest year first */
  @Get()
  @RequirePermission(Permission.QUOTA_READ)
  @ApiOkResponse({ type: [QuotaPlanSummaryDto] })
  list(): Promise<QuotaPlanSummaryDto[]> {
    return this.plans.list();
  }

  /** Create a year's plan, optionally with its lines */
  @Post()
  @RequirePermission(Permission.QUOTA_WRITE)
  @ApiCreatedResponse({ type: QuotaPlanDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'QUOTA_PLAN_EXISTS' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateQuotaPlanDto): Promise<QuotaPlanDto> {
    return this.plans.create(actor, dto);
  }

  /** A plan with its lines and their district/chain splits */
  @Get(':year')
  @RequirePermission(Permission.QUOTA_READ)
  @ApiOkResponse({ type: QuotaPlanDto })
  get(@Param('year', ParseIntPipe) year: number): Promise<QuotaPlanDto> {
    return this.plans.get(year);
  }

  /** Start next year's plan as a copy of this year's lines, targets and splits */
  @Post(':year/copy')
  @RequirePermission(Permission.QUOTA_WRITE)
  @ApiCreatedResponse({ type: QuotaPlanDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'QUOTA_PLAN_EXISTS: next year already has a plan' })
  copy(@CurrentActor() actor: Actor, @Param('year', ParseIntPipe) year: number): Promise<QuotaPlanDto> {
    return this.copies.copyToNextYear(actor, year);
  }

  /** Add a line */
  @Post(':year/lines')
  @RequirePermission(Permission.QUOTA_WRITE)
  @ApiCreatedResponse({ type: QuotaLineDto })
  addLine(@CurrentActor() actor: Actor, @Param('year', ParseIntPipe) year: number, @Body() dto: CreateQuotaLineDto): Promise<QuotaLineDto> {
    return this.plans.addLine(actor, year, dto);
  }

  /** Change a line's label, target, note or splits; needs the version read */
  @Patch(':year/lines/:code')
  @RequirePermission(Permission.QUOTA_WRITE)
  @ApiOkResponse({ type: QuotaLineDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VERSION_CONFLICT' })
  updateLine(@CurrentActor() actor: Actor, @Param('year', ParseIntPipe) year: number, @Param('code') code: string, @Body() dto: UpdateQuotaLineDto): Promise<QuotaLineDto> {
    return this.plans.updateLine(actor, year, code, dto);
  }

  /** Values reported for a MANUAL line, newest first */
  @Get(':year/lines/:code/reports')
  @RequirePermission(Permission.QUOTA_READ)
  @ApiOkResponse({ type: [ManualReportDto] })
  reports(@Param('year', ParseIntPipe) year: number, @Param('code') code: string): Promise<ManualReportDto[]> {
    return this.plans.listManualReports(year, code);
  }

  /** Report the value a MANUAL line has reached on a date, with evidence */
  @Post(':year/lines/:code/reports')
  @RequirePermission(Permission.QUOTA_WRITE)
  @ApiCreatedResponse({ type: ManualReportDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'QUOTA_LINE_NOT_MANUAL' })
  report(@CurrentActor() actor: Actor, @Param('year', ParseIntPipe) year: number, @Param('code') code: string, @Body() dto: CreateManualReportDto): Promise<ManualReportDto> {
    return this.plans.addManualReport(actor, year, code, dto);
  }
}
