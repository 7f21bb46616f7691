import { Controller, Get, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { CurrentActor, Permission, RequirePermission, UsersService } from '@app/auth';
import { ApiPaginatedResponse, ErrorResponseDto, Paginated } from '@app/core';
import type { Actor } from '@app/core';
import {
  defaultAsOf,
  DrillDownQueryDto,
  measureScopeFor,
  DrillDownRowDto,
  PlanProgressDto,
  PlanQuartersDto,
  ProgressQueryDto,
  QuarterCompareDto,
  QuotaProgressService,
  QuotaQuartersService,
  QuotaSnapshotService,
  SnapshotDto,
} from '@app/quotas';

@ApiTags('quota-plans')
@Controller('quota-plans/:year')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'OUT_OF_SCOPE: a district officer named a district that is not theirs' })
export class QuotaProgressController {
  constructor(
    private readonly progress: QuotaProgressService,
    private readonly snapshots: QuotaSnapshotService,
    private readonly quarters: QuotaQuartersService,
    private readonly users: UsersService,
  ) {}

  /** The year's four quarters: whether each has ended and is frozen, by whom and when */
  @Get('quarters')
  @RequirePermission(Permission.QUOTA_READ)
  @ApiOkResponse({ type: PlanQuartersDto })
  listQuarters(@Param('year', ParseIntPipe) year: number): Promise<PlanQuartersDto> {
    return this.quarters.list(year, (ids) => this.users.displayNames(ids));
  }

  /** Every line's target, actual, percent and status at asOf (the registry's state on that day; default today, 12-31 for a past year) */
  @Get('progress')
  @RequirePermission(Permission.QUOTA_READ)
  @ApiOkResponse({ type: PlanProgressDto })
  get(@CurrentActor() actor: Actor, @Param('year', ParseIntPipe) year: number, @Query() query: ProgressQueryDto): Promise<PlanProgressDto> {
    return this.progress.progress(year, defaultAsOf(year, query.asOf), measureScopeFor(actor, query));
  }

  /** The enterprises behind a line's value at asOf */
  @Get('progress/lines/:code/enterprises')
  @RequirePermission(Permission.QUOTA_READ)
  @ApiPaginatedResponse(DrillDownRowDto)
  drillDown(@CurrentActor() actor: Actor, @Param('year', ParseIntPipe) year: number, @Param('code') code: string, @Query() query: DrillDownQueryDto): Promise<Paginated<DrillDownRowDto>> {
    return this.progress.drillDown(year, code, defaultAsOf(year, query.asOf), measureScopeFor(actor, query), query.page, query.pageSize, query.lackingFigures === 'true' ? 'lacking' : 'population');
  }

  /** Freeze the quarter's progress as of its last day; a frozen quarter never changes */
  @Post('quarters/:q/snapshot')
  @RequirePermission(Permission.REPORT_FREEZE)
  @ApiCreatedResponse({ type: SnapshotDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'ALREADY_FROZEN' })
  freeze(@CurrentActor() actor: Actor, @Param('year', ParseIntPipe) year: number, @Param('q', ParseIntPipe) quarter: number): Promise<SnapshotDto> {
    return this.snapshots.freeze(actor, year, quarter);
  }

  /** A quarter beside the previous one (frozen values where frozen, else live as of the quarter's end) */
  @Get('quarters/:q/compare')
  @RequirePermission(Permission.QUOTA_READ)
  @ApiOkResponse({ type: QuarterCompareDto })
  compare(@CurrentActor() actor: Actor, @Param('year', ParseIntPipe) year: number, @Param('q', ParseIntPipe) quarter: number): Promise<QuarterCompareDto> {
    return this.snapshots.compare(year, quarter, measureScopeFor(actor, {}));
  }
}
