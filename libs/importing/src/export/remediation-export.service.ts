import { Writable } from 'node:stream';

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AuditService } from '@app/audit';
import { Actor } from '@app/core';
import { ListRemediationCasesQueryDto, RemediationCaseQueryService } from '@app/remediation';

import { ExportFormat, tabularWriter } from './tabular-writer';

/** An export holds at most this many cases: the whole city has a few thousand. */
export const REMEDIATION_EXPORT_LIMIT = 50_000;

const HEADERS = [
  '类别', '对象类型', '统一社会信用代码', '企业/区块名称', '所在区县', '来源', '来源年度', '来源说明', '责任单位', '立案日期', '整治期限',
  '状态', '是否逾期', '整治结果', '销号日期', '整治方案', '整治措施', '佐证材料',
];

/** The remediation cases of a filter as CSV or XLSX, labels in Chinese, within the caller's scope. */
@Injectable()
export class RemediationExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly query: RemediationCaseQueryService,
  ) {}

  async cases(actor: Actor, query: ListRemediationCasesQueryDto, format: ExportFormat, out: Writable): Promise<void> {
    const { page: _page, pageSize: _pageSize, ...filters } = query;
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, actor, { action: 'export.remediation_cases', entityType: 'remediation_case', after: { format, filters } }),
    );
    const rows = await this.query.all(actor, query, REMEDIATION_EXPORT_LIMIT);
    const writer = tabularWriter(format, out, HEADERS, '整治提升案件');
    for (const c of rows) {
      await writer.row([
        c.categoryLabel, c.subjectKind === 'ENTERPRISE' ? '企业' : '区块', c.creditCode, c.subjectName, c.districtName, c.sourceKindLabel,
        c.sourceYear, c.sourceNote, c.responsibleUnit, c.openedOn, c.deadline, c.statusLabel, c.overdue ? '是' : '否', c.outcomeLabel,
        c.closedOn, c.plan, c.measures, c.evidence,
      ]);
    }
    await writer.end();
  }
}
