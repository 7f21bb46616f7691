import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { CurrentActor, Permission, RequirePermission } from '@app/auth';
import { ApiPaginatedResponse, ErrorResponseDto } from '@app/core';
import type { Actor, Paginated } from '@app/core';
import { ExportProjectsQueryDto, ProjectExportService } from '@app/importing';
import {
  CreateProgressDto,
  CreateProjectDto,
  ListProjectsQueryDto,
  ProgrammeDto,
  ProgrammeService,
  ProjectDetailDto,
  ProjectDto,
  ProjectProgressService,
  ProjectQueryService,
  ProjectService,
  ReviewProgressDto,
  TransitionProjectStageDto,
  UpdateProjectDto,
} from '@app/projects';

import { attachment } from '../imports/imports.controller';

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

@ApiTags('projects')
@Controller('projects')
@ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED, PROJECT_CODE_INVALID, PROGRAMME_UNKNOWN, INVESTMENT_INCONSISTENT, DATE_IN_FUTURE, DATE_OUT_OF_ORDER' })
export class ProjectsController {
  constructor(
    private readonly projects: ProjectService,
    private readonly query: ProjectQueryService,
    private readonly progress: ProjectProgressService,
    private readonly programmes: ProgrammeService,
    private readonly exports: ProjectExportService,
  ) {}

  /** The programme tags a project may carry (双百, 增资扩产, 数字化改造 …) */
  @Get('programmes')
  @RequirePermission(Permission.PROJECT_READ)
  @ApiOkResponse({ type: [ProgrammeDto] })
  listProgrammes(): Promise<ProgrammeDto[]> {
    return this.programmes.list();
  }

  /** Projects in the caller's scope, filtered by programme, stage, district, chain, enterprise, plan year or keyword */
  @Get()
  @RequirePermission(Permission.PROJECT_READ)
  @ApiPaginatedResponse(ProjectDto)
  list(@CurrentActor() actor: Actor, @Query() query: ListProjectsQueryDto): Promise<Paginated<ProjectDto>> {
    return this.query.list(actor, query);
  }

  /** The filtered list as CSV (UTF-8 with BOM) or XLSX with the import's Chinese headers; recorded in the audit trail */
  @Get('export')
  @RequirePermission(Permission.EXPORT)
  @ApiProduces('text/csv', CONTENT_TYPES.xlsx)
  @ApiOkResponse({ description: 'CSV or XLSX file', schema: { type: 'string', format: 'binary' } })
  async export(@CurrentActor() actor: Actor, @Query() query: ExportProjectsQueryDto, @Res() res: Response): Promise<void> {
    const format = query.format ?? 'csv';
    res.setHeader('Content-Type', CONTENT_TYPES[format]);
    res.setHeader('Content-Disposition', attachment(`投资项目.${format}`, `projects.${format}`));
    await this.exports.projects(actor, query, res);
  }

  /** One project with its stage history, dated revisions, monthly progress (judged) and the stages it may move to */
  @Get(':id')
  @RequirePermission(Permission.PROJECT_READ)
  @ApiOkResponse({ type: ProjectDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ProjectDetailDto> {
    return this.query.get(actor, id);
  }

  /** Register a project (its enterprise and district must be in the caller's scope) */
  @Post()
  @RequirePermission(Permission.PROJECT_WRITE)
  @ApiCreatedResponse({ type: ProjectDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'ENTERPRISE_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'PROJECT_CODE_DUPLICATE' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateProjectDto): Promise<ProjectDetailDto> {
    return this.projects.create(actor, dto);
  }

  /** Change a project; `effectiveOn` dates the change for quota counts (a stale version is 409) */
  @Patch(':id')
  @RequirePermission(Permission.PROJECT_WRITE)
  @ApiOkResponse({ type: ProjectDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VERSION_CONFLICT, PROJECT_CODE_DUPLICATE' })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateProjectDto): Promise<ProjectDetailDto> {
    return this.projects.update(actor, id, dto);
  }

  /** Move the project to a later stage or 终止; an illegal step is 409 ILLEGAL_TRANSITION with `details.allowed` */
  @Post(':id/stage-transitions')
  @RequirePermission(Permission.PROJECT_WRITE)
  @ApiCreatedResponse({ type: ProjectDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'ILLEGAL_TRANSITION, VERSION_CONFLICT' })
  transition(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: TransitionProjectStageDto): Promise<ProjectDetailDto> {
    return this.projects.transition(actor, id, dto);
  }

  /** Report a month's cumulative completed investment: staff entries count at once, a liaison's waits for review */
  @Post(':id/progress')
  @RequirePermission(Permission.PROJECT_PROGRESS_REPORT)
  @ApiCreatedResponse({ type: ProjectDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  addProgress(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateProgressDto): Promise<ProjectDetailDto> {
    return this.progress.add(actor, id, dto);
  }

  /** Approve a liaison's progress report: it counts from today */
  @Post(':id/progress/:progressId/approve')
  @RequirePermission(Permission.PROJECT_WRITE)
  @ApiCreatedResponse({ type: ProjectDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'PROGRESS_NOT_PENDING, VERSION_CONFLICT' })
  approve(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('progressId', ParseUUIDPipe) progressId: string,
    @Body() dto: ReviewProgressDto,
  ): Promise<ProjectDetailDto> {
    return this.progress.approve(actor, id, progressId, dto);
  }

  /** Reject a liaison's progress report, with a reason */
  @Post(':id/progress/:progressId/reject')
  @RequirePermission(Permission.PROJECT_WRITE)
  @ApiCreatedResponse({ type: ProjectDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'PROGRESS_NOT_PENDING, VERSION_CONFLICT' })
  reject(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('progressId', ParseUUIDPipe) progressId: string,
    @Body() dto: ReviewProgressDto,
  ): Promise<ProjectDetailDto> {
    return this.progress.reject(actor, id, progressId, dto);
  }
}
