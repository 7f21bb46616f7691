import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { CurrentActor, Permission, RequirePermission } from '@app/auth';
import { ApiPaginatedResponse, ErrorResponseDto } from '@app/core';
import type { Actor, Paginated } from '@app/core';
import {
  DecideObjectionDto,
  EvaluationOverviewDto,
  EvaluationProcessService,
  EvaluationResultsService,
  EvaluationRunService,
  EvaluationSchemeService,
  EvaluationYearDto,
  ExportResultsQueryDto,
  FreezeDto,
  ListResultsQueryDto,
  PubliciseDto,
  PutSchemeDto,
  RespondDto,
  ResultItemDto,
  SchemeDto,
  SheetDto,
  SheetResponseDto,
  YearEnterpriseParamDto,
  YearParamDto,
} from '@app/evaluation';

import { attachment } from '../imports/imports.controller';
import { EvaluationFilesService } from './evaluation-files.service';

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

/** The yearly 亩均 evaluation: scheme, run, results, the firm's sheet, the process. */
@ApiTags('evaluations')
@Controller()
@ApiBadRequestResponse({ type: ErrorResponseDto })
export class EvaluationsController {
  constructor(
    private readonly schemes: EvaluationSchemeService,
    private readonly runs: EvaluationRunService,
    private readonly results: EvaluationResultsService,
    private readonly process: EvaluationProcessService,
    private readonly files: EvaluationFilesService,
  ) {}

  @Get('evaluation-schemes/:year')
  @RequirePermission(Permission.EVALUATION_READ)
  @ApiOkResponse({ type: SchemeDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'EVALUATION_SCHEME_NOT_FOUND' })
  getScheme(@Param() p: YearParamDto): Promise<SchemeDto> {
    return this.schemes.get(p.year);
  }

  /** Create or replace a year's scheme (send the version you read); refused once the year is frozen */
  @Put('evaluation-schemes/:year')
  @RequirePermission(Permission.EVALUATION_MANAGE)
  @ApiOkResponse({ type: SchemeDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'EVALUATION_FROZEN, VERSION_CONFLICT' })
  putScheme(@CurrentActor() actor: Actor, @Param() p: YearParamDto, @Body() dto: PutSchemeDto): Promise<SchemeDto> {
    return this.schemes.put(actor, p.year, dto);
  }

  /** Compute (or recompute) the year's results in SQL; refused once frozen */
  @Post('evaluations/:year/run')
  @HttpCode(200)
  @RequirePermission(Permission.EVALUATION_MANAGE)
  @ApiOkResponse({ description: 'Counts and time of the run' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'EVALUATION_FROZEN' })
  async run(@CurrentActor() actor: Actor, @Param() p: YearParamDto): Promise<EvaluationOverviewDto> {
    await this.runs.run(actor, p.year);
    return this.results.overview(actor, p.year);
  }

  /** The years computed so far, with their stage */
  @Get('evaluations')
  @RequirePermission(Permission.ENTERPRISE_READ)
  @ApiOkResponse({ type: [EvaluationYearDto] })
  years(): Promise<EvaluationYearDto[]> {
    return this.results.years();
  }

  /** Stage, dates and the distribution by district, class and population, in your scope */
  @Get('evaluations/:year')
  @RequirePermission(Permission.EVALUATION_READ)
  @ApiOkResponse({ type: EvaluationOverviewDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'EVALUATION_NOT_COMPUTED' })
  overview(@CurrentActor() actor: Actor, @Param() p: YearParamDto): Promise<EvaluationOverviewDto> {
    return this.results.overview(actor, p.year);
  }

  @Get('evaluations/:year/results')
  @RequirePermission(Permission.EVALUATION_READ)
  @ApiPaginatedResponse(ResultItemDto)
  list(@CurrentActor() actor: Actor, @Param() p: YearParamDto, @Query() q: ListResultsQueryDto): Promise<Paginated<ResultItemDto>> {
    return this.results.list(actor, p.year, q);
  }

  /** The results with the list's filters as CSV (UTF-8 with BOM) or XLSX, zh-CN headers; audited */
  @Get('evaluations/:year/results/export')
  @RequirePermission(Permission.EXPORT)
  @ApiProduces('text/csv', CONTENT_TYPES.xlsx)
  @ApiOkResponse({ description: 'CSV or XLSX file', schema: { type: 'string', format: 'binary' } })
  async export(@CurrentActor() actor: Actor, @Param() p: YearParamDto, @Query() q: ExportResultsQueryDto, @Res() res: Response): Promise<void> {
    const format = q.format ?? 'csv';
    const { format: _, ...filters } = q;
    const bytes = await this.files.results(actor, p.year, Object.assign(new ListResultsQueryDto(), filters), format);
    res.setHeader('Content-Type', CONTENT_TYPES[format]);
    res.setHeader('Content-Disposition', attachment(`${p.year}年亩均评价结果.${format}`, `evaluation-${p.year}.${format}`));
    res.end(bytes);
  }

  /** 一企一单: the firm's sheet (a liaison sees only their own firm's) */
  @Get('evaluations/:year/enterprises/:id')
  @RequirePermission(Permission.ENTERPRISE_READ)
  @ApiOkResponse({ type: SheetDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'EVALUATION_RESULT_NOT_FOUND, ENTERPRISE_NOT_FOUND (also outside your scope)' })
  sheet(@CurrentActor() actor: Actor, @Param() { year, id }: YearEnterpriseParamDto): Promise<SheetDto> {
    return this.results.sheet(actor, year, id);
  }

  @Get('evaluations/:year/enterprises/:id/pdf')
  @RequirePermission(Permission.ENTERPRISE_READ)
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'PDF file', schema: { type: 'string', format: 'binary' } })
  async sheetPdf(@CurrentActor() actor: Actor, @Param() { year, id }: YearEnterpriseParamDto, @Res() res: Response): Promise<void> {
    const { bytes, name } = await this.files.sheetPdf(actor, year, id);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', attachment(name, `evaluation-${year}-${id}.pdf`));
    res.end(bytes);
  }

  /** The liaison confirms the sheet, or objects with a reason and evidence */
  @Post('evaluations/:year/enterprises/:id/responses')
  @RequirePermission(Permission.EVALUATION_RESPOND)
  @ApiCreatedResponse({ type: SheetResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'OBJECTION_PENDING, EVALUATION_WRONG_STAGE' })
  respond(@CurrentActor() actor: Actor, @Param() { year, id }: YearEnterpriseParamDto, @Body() dto: RespondDto): Promise<SheetResponseDto> {
    return this.process.respond(actor, year, id, dto);
  }

  /** Start publicity with its first and last day */
  @Post('evaluations/:year/publicity')
  @HttpCode(200)
  @RequirePermission(Permission.EVALUATION_MANAGE)
  @ApiOkResponse({ type: EvaluationOverviewDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VERSION_CONFLICT, EVALUATION_WRONG_STAGE' })
  async publicise(@CurrentActor() actor: Actor, @Param() p: YearParamDto, @Body() dto: PubliciseDto): Promise<EvaluationOverviewDto> {
    await this.process.publicise(actor, p.year, dto);
    return this.results.overview(actor, p.year);
  }

  /** Final: after publicity, with every objection decided; nothing recomputes after this */
  @Post('evaluations/:year/freeze')
  @HttpCode(200)
  @RequirePermission(Permission.EVALUATION_MANAGE)
  @ApiOkResponse({ type: EvaluationOverviewDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'ALREADY_FROZEN, PUBLICITY_NOT_OVER, OBJECTION_PENDING, EVALUATION_WRONG_STAGE, VERSION_CONFLICT' })
  async freeze(@CurrentActor() actor: Actor, @Param() p: YearParamDto, @Body() dto: FreezeDto): Promise<EvaluationOverviewDto> {
    await this.process.freeze(actor, p.year, dto);
    return this.results.overview(actor, p.year);
  }

  /** Decide an objection: upheld (with the new class) or rejected; audited */
  @Post('evaluation-objections/:id/decision')
  @HttpCode(200)
  @RequirePermission(Permission.EVALUATION_DECIDE)
  @ApiOkResponse({ type: SheetResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'OBJECTION_NOT_FOUND (also outside your scope)' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'OBJECTION_DECIDED, VERSION_CONFLICT' })
  decide(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DecideObjectionDto): Promise<SheetResponseDto> {
    return this.process.decide(actor, id, dto);
  }
}
