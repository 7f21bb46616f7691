import { Writable } from 'node:stream';

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AuditService } from '@app/audit';
import { Actor } from '@app/core';
import { ProjectQueryService } from '@app/projects';

import { ExportProjectsQueryDto } from '../dto/export-query.dto';
import { PROJECT_COLUMNS } from '../kinds/project.import';
import { tabularWriter } from './tabular-writer';

/** Project registers are thousands of rows, not millions: one capped query is enough. */
const MAX_ROWS = 100_000;

/** Extra columns after the import's: what the register knows beyond what a file sets. */
const EXTRA_HEADERS = ['区县', '产业链', '最新累计完成投资(元)', '最新填报月份', '最新进度评价'];

/** The project list in the caller's scope as CSV or XLSX, in the import headers (so an export imports back). */
@Injectable()
export class ProjectExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly query: ProjectQueryService,
  ) {}

  async projects(actor: Actor, query: ExportProjectsQueryDto, out: Writable): Promise<void> {
    const format = query.format ?? 'csv';
    const { format: _f, page: _p, pageSize: _s, ...filters } = query;
    const rows = await this.query.all(actor, filters, MAX_ROWS);
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, actor, { action: 'export.projects', entityType: 'project', after: { format, filters, rowCount: rows.length } }),
    );
    const writer = tabularWriter(format, out, [...PROJECT_COLUMNS.map((c) => c.header), ...EXTRA_HEADERS], '投资项目');
    for (const p of rows) {
      await writer.row([
        p.projectCode, p.name, p.creditCode, p.enterpriseName, p.districtCode, p.chainName, p.kindLabel, p.programmeNames.join('、'), p.planYear,
        p.plannedTotalYuan, p.plannedYearYuan, p.plannedEquipmentYuan, p.plannedSoftwareYuan, p.plannedStartOn, p.plannedCompletionOn,
        p.actualStartOn, p.actualCompletionOn, p.stageLabel, p.note,
        p.districtName, p.chainName, p.completedYuan, p.completedMonth, p.latestJudgementLabel,
      ]);
    }
    await writer.end();
  }
}
