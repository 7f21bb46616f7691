import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { Actor, paginated, Paginated, todayInChina } from '@app/core';

import {
  OPEN_STATUSES,
  REMEDIATION_CATEGORY_LABELS,
  REMEDIATION_OUTCOME_LABELS,
  REMEDIATION_SOURCE_KIND_LABELS,
  REMEDIATION_STATUS_LABELS,
  REMEDIATION_TRANSITIONS,
  RemediationOutcome,
  RemediationStatus,
} from '../remediation-enums';
import { caseNotFound } from '../remediation.errors';
import { caseScopeSql } from '../scope';
import { ListRemediationCasesQueryDto, RemediationCaseDetailDto, RemediationCaseDto, RemediationCaseEventDto } from './remediation-case.dto';

type Row = Record<string, unknown> & { id: string; status: RemediationStatus; outcome: RemediationOutcome | null };

const OPEN_SQL = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');

/** Open and past its deadline on `today`: the rule of the list's overdue filter and highlight. */
export const isOverdue = (status: RemediationStatus, deadline: string, today: string): boolean => OPEN_STATUSES.includes(status) && deadline < today;

const FROM = `FROM remediation_case c LEFT JOIN enterprise e ON e.id = c.enterprise_id LEFT JOIN land_block b ON b.id = c.block_id
  LEFT JOIN district d ON d.code = coalesce(e.district_code, b.district_code)`;
// Dates as text (YYYY-MM-DD): the driver would turn a bare date into a local-midnight Date.
const COLUMNS = `c.*, c.deadline::text AS deadline, c.opened_on::text AS opened_on, c.closed_on::text AS closed_on, e.credit_code, coalesce(e.name, b.name) AS subject_name, coalesce(e.district_code, b.district_code) AS subject_district,
  d.name AS district_name`;

function toDto(r: Row, today: string): RemediationCaseDto {
  const deadline = String(r.deadline);
  return {
    id: r.id,
    category: r.category as RemediationCaseDto['category'],
    categoryLabel: REMEDIATION_CATEGORY_LABELS[r.category as RemediationCaseDto['category']],
    subjectKind: r.enterprise_id ? 'ENTERPRISE' : 'LAND_BLOCK',
    enterpriseId: (r.enterprise_id as string | null) ?? null,
    creditCode: (r.credit_code as string | null) ?? null,
    blockId: (r.block_id as string | null) ?? null,
    subjectName: String(r.subject_name ?? ''),
    districtCode: String(r.subject_district ?? ''),
    districtName: String(r.district_name ?? r.subject_district ?? ''),
    sourceKind: r.source_kind as RemediationCaseDto['sourceKind'],
    sourceKindLabel: REMEDIATION_SOURCE_KIND_LABELS[r.source_kind as RemediationCaseDto['sourceKind']],
    sourceYear: (r.source_year as number | null) ?? null,
    sourceNote: (r.source_note as string | null) ?? null,
    responsibleUnit: String(r.responsible_unit),
    deadline,
    openedOn: String(r.opened_on),
    status: r.status,
    statusLabel: REMEDIATION_STATUS_LABELS[r.status],
    overdue: isOverdue(r.status, deadline, today),
    outcome: r.outcome,
    outcomeLabel: r.outcome ? REMEDIATION_OUTCOME_LABELS[r.outcome] : null,
    closedOn: (r.closed_on as string | null) ?? null,
    version: Number(r.version),
  };
}

/** Reading cases: lists, one case with its history, and the rows of an export — all within the caller's scope. */
@Injectable()
export class RemediationCaseQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private where(actor: Actor, query: ListRemediationCasesQueryDto, today: string): { sql: string; params: unknown[] } {
    const params: unknown[] = [];
    const where = [caseScopeSql(actor, params)];
    if (query.category) where.push(`c.category = $${params.push(query.category)}`);
    if (query.status) where.push(`c.status = $${params.push(query.status)}`);
    if (query.districtCode) where.push(`coalesce(e.district_code, b.district_code) = $${params.push(query.districtCode)}`);
    if (query.enterpriseId) where.push(`c.enterprise_id = $${params.push(query.enterpriseId)}::uuid`);
    if (query.blockId) where.push(`c.block_id = $${params.push(query.blockId)}::uuid`);
    if (query.overdue === true) where.push(`c.status IN (${OPEN_SQL}) AND c.deadline < $${params.push(today)}::date`);
    if (query.overdue === false) where.push(`NOT (c.status IN (${OPEN_SQL}) AND c.deadline < $${params.push(today)}::date)`);
    if (query.q?.trim()) where.push(`(coalesce(e.name, b.name) ILIKE $${params.push(`%${query.q.trim()}%`)} OR e.credit_code = upper($${params.push(query.q.trim())}))`);
    return { sql: where.join(' AND '), params };
  }

  async list(actor: Actor, query: ListRemediationCasesQueryDto): Promise<Paginated<RemediationCaseDto>> {
    const today = todayInChina();
    const { sql, params } = this.where(actor, query, today);
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total ${FROM} WHERE ${sql}`, params);
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${COLUMNS} ${FROM} WHERE ${sql} ORDER BY c.deadline, c.id LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      params,
    );
    return paginated(
      rows.map((r) => toDto(r, today)),
      query.page,
      query.pageSize,
      total,
    );
  }

  /** Every case the filter matches (exports), capped by the caller. */
  async all(actor: Actor, query: ListRemediationCasesQueryDto, limit: number): Promise<RemediationCaseDetailDto[]> {
    const today = todayInChina();
    const { sql, params } = this.where(actor, query, today);
    const rows: Row[] = await this.dataSource.query(`SELECT ${COLUMNS} ${FROM} WHERE ${sql} ORDER BY c.deadline, c.id LIMIT ${limit}`, params);
    return rows.map((r) => ({ ...toDto(r, today), plan: (r.plan as string) ?? null, measures: (r.measures as string) ?? null, evidence: (r.evidence as string) ?? null, allowedTransitions: [], events: [] }));
  }

  async get(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager): Promise<RemediationCaseDetailDto> {
    const params: unknown[] = [id];
    const scope = caseScopeSql(actor, params);
    const [row]: Row[] = await manager.query(`SELECT ${COLUMNS} ${FROM} WHERE c.id = $1 AND ${scope}`, params);
    if (!row) throw caseNotFound(id);
    const events = await manager.query(
      `SELECT from_status, to_status, effective_on::text AS effective_on, outcome, note, actor_username, at FROM remediation_case_event WHERE case_id = $1 ORDER BY effective_on, id`,
      [id],
    );
    return {
      ...toDto(row, todayInChina()),
      plan: (row.plan as string | null) ?? null,
      measures: (row.measures as string | null) ?? null,
      evidence: (row.evidence as string | null) ?? null,
      allowedTransitions: [...REMEDIATION_TRANSITIONS[row.status]],
      events: events.map(
        (ev: Record<string, string | null>): RemediationCaseEventDto => ({
          fromStatus: ev.from_status as RemediationStatus | null,
          toStatus: ev.to_status as RemediationStatus,
          toStatusLabel: REMEDIATION_STATUS_LABELS[ev.to_status as RemediationStatus],
          effectiveOn: String(ev.effective_on),
          outcome: ev.outcome as RemediationOutcome | null,
          note: ev.note,
          actorUsername: ev.actor_username,
          at: new Date(ev.at as unknown as string).toISOString(),
        }),
      ),
    };
  }
}
