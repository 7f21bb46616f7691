import { Body, Controller, Get, Param, ParseIntPipe, ParseUUIDPipe, Put, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { CurrentActor, Permission, RequirePermission } from '@app/auth';
import { AppException, ErrorCode, ErrorResponseDto } from '@app/core';
import type { Actor } from '@app/core';
import { FiguresDto, FiguresPeriodQueryDto, FiguresService, PutFiguresDto } from '@app/registry';

function checkYear(year: number): number {
  if (year < 1949 || year > 2100) throw AppException.field(ErrorCode.VALIDATION_FAILED, 'year', `年份 ${year} 不合理,应在 1949–2100 之间 (year out of range)`);
  return year;
}

@ApiTags('enterprises')
@Controller('enterprises/:id/figures')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto })
export class FiguresController {
  constructor(private readonly figures: FiguresService) {}

  /** All reported periods, newest first */
  @Get()
  @RequirePermission(Permission.ENTERPRISE_READ)
  @ApiOkResponse({ type: [FiguresDto] })
  list(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<FiguresDto[]> {
    return this.figures.list(actor, id);
  }

  /** One year's figures (or a quarter's with ?quarter=) with derived tax per mu */
  @Get(':year')
  @RequirePermission(Permission.ENTERPRISE_READ)
  @ApiOkResponse({ type: FiguresDto })
  get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('year', ParseIntPipe) year: number,
    @Query() period: FiguresPeriodQueryDto,
  ): Promise<FiguresDto> {
    return this.figures.get(actor, id, checkYear(year), period.quarter ?? 0);
  }

  /** Create (201) or replace (200) a period's figures; replacing needs the `version` read */
  @Put(':year')
  @RequirePermission(Permission.FIGURES_WRITE)
  @ApiOkResponse({ type: FiguresDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VERSION_CONFLICT' })
  async put(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('year', ParseIntPipe) year: number,
    @Query() period: FiguresPeriodQueryDto,
    @Body() dto: PutFiguresDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FiguresDto> {
    const { figures, created } = await this.figures.put(actor, id, checkYear(year), period.quarter ?? 0, dto);
    res.status(created ? 201 : 200);
    return figures;
  }
}
