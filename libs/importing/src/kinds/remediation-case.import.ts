import { Injectable } from '@nestjs/common';

import { Permission } from '@app/auth';
import { todayInChina } from '@app/core';
import {
  canReachBlock,
  checkCaseSource,
  checkCaseSubject,
  checkTransitionFields,
  CreateRemediationCaseDto,
  isBlockCategory,
  OPEN_STATUSES,
  REMEDIATION_CATEGORY_LABELS,
  REMEDIATION_OUTCOME_LABELS,
  REMEDIATION_SOURCE_KIND_LABELS,
  REMEDIATION_STATUS_LABELS,
  RemediationCaseService,
  RemediationOutcome,
  RemediationStatus,
} from '@app/remediation';

import { BatchContext, ColumnSpec, ImportHandler, ImportKind, PreparedRow, RawRow, RowError } from '../import-kind';
import { clip } from '../import-limits';
import { appErrors, toDate, toEnum, toNumber, validateDto } from '../row-validation';
import { lookupEnterprises } from './enterprise-lookup';

export const REMEDIATION_CASE_COLUMNS: ColumnSpec[] = [
  { field: 'category', header: '案件类别', aliases: ['整治类别'], required: true, example: '高耗低效企业' },
  { field: 'creditCode', header: '统一社会信用代码', aliases: ['信用代码', '社会信用代码'], example: '91330200MA2AAAAA1X' },
  { field: 'enterpriseName', header: '企业名称', example: '宁波示例机械有限公司' },
  { field: 'blockName', header: '区块名称', example: '' },
  { field: 'sourceKind', header: '来源类别', aliases: ['案件来源'], required: true, example: '排查摸底' },
  { field: 'sourceYear', header: '来源年度', example: '' },
  { field: 'sourceNote', header: '来源说明', example: '2022年高耗低效企业排查' },
  { field: 'plan', header: '整治方案', example: '实施节能技改,两年内单位能耗下降20%' },
  { field: 'measures', header: '整治措施', example: '' },
  { field: 'responsibleUnit', header: '责任单位', required: true, example: '镇海区经信局' },
  { field: 'deadline', header: '整治期限', required: true, example: '2023-12-31' },
  { field: 'openedOn', header: '立案日期', example: '2022-06-01' },
  { field: 'status', header: '案件状态', aliases: ['状态'], example: '待整治' },
  { field: 'outcome', header: '整治结果', example: '' },
  { field: 'closedOn', header: '销号日期', example: '' },
  { field: 'evidence', header: '佐证材料', aliases: ['销号佐证材料'], example: '' },
];

/** Statuses a file may carry: a cancelled case is cancelled on the register, not imported. */
const IMPORTABLE = [RemediationStatus.OPEN, RemediationStatus.IN_PROGRESS, RemediationStatus.CLOSED];

interface CaseRow {
  dto: CreateRemediationCaseDto;
  status: RemediationStatus;
  outcome?: RemediationOutcome;
  closedOn?: string;
  evidence?: string;
}

/**
 * Remediation cases (整治案件), new ones only, by Chinese labels (类别、来源、状态、结果): an enterprise case names the
 * firm by credit code, a 低效区块 case names a registered block. A row may bring a case already in progress or closed
 * (it is opened on 立案日期 and moved on, so its history is dated as in the file). Out-of-scope firms and blocks read
 * as unknown; a subject that already has an open case of the category is a row error, as POST answers 409.
 */
@Injectable()
export class RemediationCaseImport implements ImportHandler {
  readonly kind = ImportKind.REMEDIATION_CASES;
  /** The permission of the route that writes the same records */
  readonly permission = Permission.REMEDIATION_WRITE;
  readonly columns = REMEDIATION_CASE_COLUMNS;

  constructor(private readonly cases: RemediationCaseService) {}

  async prepare(ctx: BatchContext, rows: RawRow[]): Promise<PreparedRow<CaseRow>[]> {
    const today = todayInChina();
    const withCode = rows.filter((r) => r.values.creditCode);
    const looked = await lookupEnterprises(ctx, withCode);
    const firmOf = new Map(withCode.map((r, i) => [r.line, looked[i]]));
    const firmIds = looked.flatMap((l) => ('id' in l ? [l.id] : []));
    const archived = new Set<string>(
      firmIds.length ? (await ctx.manager.query(`SELECT id FROM enterprise WHERE archived AND id = ANY($1::uuid[])`, [firmIds])).map((r: { id: string }) => r.id) : [],
    );
    const blockNames = [...new Set(rows.map((r) => (r.values.blockName ?? '').trim()).filter(Boolean))];
    const blocks: { id: string; name: string; district_code: string }[] = blockNames.length
      ? await ctx.manager.query(`SELECT id, name, district_code FROM land_block WHERE name = ANY($1::text[])`, [blockNames])
      : [];
    // Out of the importer's scope reads as unknown, as the API answers by id.
    const blockOf = new Map(blocks.filter((b) => canReachBlock(ctx.actor, { districtCode: b.district_code })).map((b) => [b.name, b.id]));
    const open: { category: string; subject: string }[] = await ctx.manager.query(
      `SELECT category, coalesce(enterprise_id, block_id)::text AS subject FROM remediation_case WHERE status = ANY($1::text[]) AND (enterprise_id = ANY($2::uuid[]) OR block_id = ANY($3::uuid[]))`,
      [[...OPEN_STATUSES], firmIds, [...blockOf.values()]],
    );
    const hasOpen = new Set(open.map((o) => `${o.category}|${o.subject}`));

    const prepared: PreparedRow<CaseRow>[] = [];
    for (const row of rows) {
      const v = row.values;
      const errors: RowError[] = [];
      const err = (field: string, code: string, message: string) => errors.push({ line: row.line, column: ctx.headerOf(field), code, message });
      const plain: Record<string, unknown> = {
        category: toEnum(v.category ?? '', REMEDIATION_CATEGORY_LABELS),
        sourceKind: toEnum(v.sourceKind ?? '', REMEDIATION_SOURCE_KIND_LABELS),
        responsibleUnit: v.responsibleUnit ?? '',
        deadline: toDate(v.deadline ?? ''),
      };
      if (v.sourceYear) plain.sourceYear = toNumber(v.sourceYear);
      if (v.openedOn) plain.openedOn = toDate(v.openedOn);
      for (const f of ['sourceNote', 'plan', 'measures']) if (v[f]) plain[f] = v[f];
      const firm = firmOf.get(row.line);
      if (firm) {
        if ('errors' in firm) errors.push(...firm.errors);
        else if (archived.has(firm.id)) err('creditCode', 'ENTERPRISE_ARCHIVED', `信用代码为 ${firm.code} 的企业已归档,不能立案`);
        else plain.enterpriseId = firm.id;
      }
      const blockName = (v.blockName ?? '').trim();
      if (blockName) {
        const id = blockOf.get(blockName);
        if (id) plain.blockId = id;
        else err('blockName', 'LAND_BLOCK_NOT_FOUND', `库中没有名为“${clip(blockName)}”的区块(或不在您负责的区县),请先录入区块`);
      }
      const { dto, errors: dtoErrors } = validateDto(ctx, row.line, CreateRemediationCaseDto, plain);
      errors.push(...dtoErrors);

      const statusText = (v.status ?? '').trim();
      const status = (statusText ? toEnum(statusText, REMEDIATION_STATUS_LABELS) : RemediationStatus.OPEN) as RemediationStatus;
      if (!IMPORTABLE.includes(status)) err('status', 'VALIDATION_FAILED', `案件状态“${clip(statusText)}”不能导入,应为 待整治 / 整治中 / 已销号`);
      const outcomeText = (v.outcome ?? '').trim();
      const outcome = outcomeText ? (toEnum(outcomeText, REMEDIATION_OUTCOME_LABELS) as RemediationOutcome) : undefined;
      if (outcome && !(outcome in REMEDIATION_OUTCOME_LABELS)) err('outcome', 'VALIDATION_FAILED', `整治结果“${clip(outcomeText)}”不认识,应为 提升达标 / 兼并重组 / 关停淘汰 / 腾退`);
      const closedOn = v.closedOn ? toDate(v.closedOn) : undefined;
      if (closedOn !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(closedOn)) err('closedOn', 'VALIDATION_FAILED', `销号日期“${clip(v.closedOn)}”应为日期 YYYY-MM-DD`);
      if (status === RemediationStatus.CLOSED && !closedOn) err('closedOn', 'VALIDATION_FAILED', '已销号的案件必须填写销号日期');
      if (status !== RemediationStatus.CLOSED && closedOn) err('closedOn', 'VALIDATION_FAILED', '只有已销号的案件填写销号日期');

      if (!errors.length) {
        // The register's own rules, each written once in the service.
        const checks = [
          () => checkCaseSubject(dto),
          () => checkCaseSource(dto, today),
          () => checkTransitionFields({ toStatus: status, effectiveOn: closedOn, outcome, evidence: v.evidence }, today),
        ];
        for (const check of checks) {
          try {
            check();
          } catch (error) {
            errors.push(...appErrors(ctx, row.line, error, 'category').map((e) => ({ ...e, column: ctx.headerOf(COLUMN_OF_FIELD[e.column] ?? e.column) })));
          }
        }
        if (!errors.length && closedOn && closedOn < (dto.openedOn ?? today)) err('closedOn', 'DATE_OUT_OF_ORDER', `销号日期 ${closedOn} 早于立案日期 ${dto.openedOn ?? today}`);
      }
      const subject = dto.enterpriseId ?? dto.blockId;
      if (!errors.length && subject && hasOpen.has(`${dto.category}|${subject}`)) {
        err(isBlockCategory(dto.category) ? 'blockName' : 'creditCode', 'DUPLICATE_OPEN_CASE', `该${isBlockCategory(dto.category) ? '区块' : '企业'}已有一个未销号的“${REMEDIATION_CATEGORY_LABELS[dto.category]}”整治案件,请在原案件上继续办理`);
      }
      if (errors.length) {
        prepared.push({ line: row.line, errors });
        continue;
      }
      const stillOpen = status !== RemediationStatus.CLOSED;
      prepared.push({
        line: row.line,
        errors: [],
        // Only one open case per subject and category: a second open row for it is a duplicate in the file.
        ...(stillOpen ? { key: `${dto.category}|${subject}`, keyColumn: isBlockCategory(dto.category) ? 'blockName' : 'creditCode' } : {}),
        action: 'create',
        data: { dto, status, outcome, closedOn, evidence: v.evidence?.trim() || undefined },
      });
    }
    return prepared;
  }

  async write(ctx: BatchContext, rows: PreparedRow<CaseRow>[]): Promise<void> {
    // Closed cases first: a closed historic case and an open one of the same subject may share a file.
    const ordered = [...rows].sort((a, b) => Number(a.data!.status !== RemediationStatus.CLOSED) - Number(b.data!.status !== RemediationStatus.CLOSED));
    for (const row of ordered) {
      const { dto, status, outcome, closedOn, evidence } = row.data!;
      const view = await this.cases.create(ctx.actor, dto, ctx.manager);
      if (status === RemediationStatus.OPEN) continue;
      await this.cases.transition(ctx.actor, view.id, { toStatus: status, effectiveOn: closedOn ?? view.openedOn, outcome, evidence, note: '导入 (imported)', version: view.version }, ctx.manager);
    }
  }
}

/** The service names API fields; the file's columns for the two that differ. */
const COLUMN_OF_FIELD: Record<string, string> = { enterpriseId: 'creditCode', blockId: 'blockName', effectiveOn: 'closedOn' };
