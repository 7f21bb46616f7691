import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, QueryFailedError } from 'typeorm';

import { AuditService } from '@app/audit';
import { Actor, AppException, canWriteEnterprise, ErrorCode, todayInChina } from '@app/core';
import { EnterpriseEntity, EnterpriseService } from '@app/registry';

import { LandBlockService } from '../blocks/land-block.service';
import { RemediationCaseEventEntity } from '../entities/remediation-case-event.entity';
import { RemediationCaseEntity } from '../entities/remediation-case.entity';
import { canMoveCase, isBlockCategory, OPEN_STATUSES, REMEDIATION_CATEGORY_LABELS, RemediationCategory, RemediationSourceKind, RemediationStatus } from '../remediation-enums';
import { caseNotFound, duplicateOpenCase, futureDate, illegalCaseTransition } from '../remediation.errors';
import {
  BulkOpenCasesDto,
  BulkOpenResultDto,
  CaseSourceDto,
  CreateRemediationCaseDto,
  RemediationCaseDetailDto,
  TransitionRemediationCaseDto,
  UpdateRemediationCaseDto,
} from './remediation-case.dto';
import { RemediationCaseQueryService } from './remediation-case-query.service';

const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opening, editing and moving remediation cases: each change in one transaction with its event and audit row. */
@Injectable()
export class RemediationCaseService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly enterprises: EnterpriseService,
    private readonly blocks: LandBlockService,
    private readonly query: RemediationCaseQueryService,
  ) {}

  async create(actor: Actor, dto: CreateRemediationCaseDto, manager?: EntityManager): Promise<RemediationCaseDetailDto> {
    const today = todayInChina();
    checkCaseSource(dto, today);
    checkCaseSubject(dto);
    const blockCase = isBlockCategory(dto.category);
    const work = async (m: EntityManager) => {
      let subject = '该区块';
      if (blockCase) {
        subject = `区块“${(await this.blocks.findInScope(m, actor, dto.blockId!, true)).name}”`;
      } else {
        const enterprise = await this.enterprises.findInScope(m, actor, dto.enterpriseId!, true);
        if (enterprise.archived) throw AppException.conflict(ErrorCode.ENTERPRISE_ARCHIVED, '企业已归档,不能立案 (enterprise is archived)');
        subject = `企业“${enterprise.name}”`;
      }
      const existing = await this.openCase(m, dto.category, dto.enterpriseId ?? null, dto.blockId ?? null);
      if (existing) throw duplicateOpenCase(dto.category, existing, subject);
      return this.insert(m, actor, dto, dto.enterpriseId ?? null, dto.blockId ?? null, today);
    };
    try {
      return manager ? await work(manager) : await this.dataSource.transaction(work);
    } catch (error) {
      throw translateOpenViolation(error, dto.category);
    }
  }

  /**
   * Opens a case of `category` for each enterprise (ids or credit codes), all or nothing: an unknown or
   * out-of-scope firm refuses the whole batch (404 naming it); a firm that already has an open case of the
   * category is skipped and reported. The evaluation's "open all D-class firms of year Y" calls this.
   */
  async openForEnterprises(actor: Actor, dto: BulkOpenCasesDto): Promise<BulkOpenResultDto> {
    const today = todayInChina();
    if (isBlockCategory(dto.category)) throw AppException.field(ErrorCode.VALIDATION_FAILED, 'category', '低效区块案件请逐个立案,批量立案只用于企业 (bulk opening is for enterprises)');
    checkCaseSource(dto, today);
    const keys = [...new Set(dto.enterprises.map((k) => k.trim()).filter(Boolean))];
    const bad = keys.find((k) => !UUID.test(k) && !CREDIT_CODE.test(k));
    if (bad !== undefined) throw AppException.field(ErrorCode.VALIDATION_FAILED, 'enterprises', `“${bad}”既不是企业 id 也不是 18 位统一社会信用代码 (not an id or credit code)`);
    try {
      return await this.dataSource.transaction(async (m) => {
        const ids = keys.filter((k) => UUID.test(k));
        const codes = keys.filter((k) => !UUID.test(k)).map((k) => k.toUpperCase());
        const found = await m.find(EnterpriseEntity, { where: [...(ids.length ? [{ id: In(ids) }] : []), ...(codes.length ? [{ creditCode: In(codes) }] : [])], order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
        const known = new Set(found.flatMap((e) => [e.id, e.creditCode]));
        const missing = [...ids, ...codes].find((k) => !known.has(k));
        const outside = found.find((e) => !canWriteEnterprise(actor, e));
        // Out of scope reads as absent, as everywhere: the batch names the first firm it cannot open.
        if (missing !== undefined || outside) {
          const key = missing ?? outside!.creditCode;
          throw AppException.notFound(ErrorCode.ENTERPRISE_NOT_FOUND, `找不到企业 ${key},整批未立案 (enterprise not found; nothing was opened)`);
        }
        const archived = found.find((e) => e.archived);
        if (archived) throw AppException.conflict(ErrorCode.ENTERPRISE_ARCHIVED, `企业“${archived.name}”已归档,整批未立案 (enterprise archived; nothing was opened)`);
        const firms = [...new Map(found.map((e) => [e.id, e])).values()].sort((a, b) => a.creditCode.localeCompare(b.creditCode));
        const result: BulkOpenResultDto = { opened: 0, caseIds: [], skipped: [] };
        for (const firm of firms) {
          const existing = await this.openCase(m, dto.category, firm.id, null);
          if (existing) {
            result.skipped.push({ enterpriseId: firm.id, creditCode: firm.creditCode, name: firm.name, existingCaseId: existing });
            continue;
          }
          const view = await this.insert(m, actor, dto, firm.id, null, today);
          result.caseIds.push(view.id);
          result.opened += 1;
        }
        await this.audit.record(m, actor, {
          action: 'remediation_case.bulk_open',
          entityType: 'remediation_case',
          after: { category: dto.category, sourceKind: dto.sourceKind, sourceYear: dto.sourceYear ?? null, opened: result.opened, skipped: result.skipped.map((s) => s.creditCode) },
        });
        return result;
      });
    } catch (error) {
      throw translateOpenViolation(error, dto.category);
    }
  }

  async update(actor: Actor, id: string, dto: UpdateRemediationCaseDto): Promise<RemediationCaseDetailDto> {
    return this.dataSource.transaction(async (m) => {
      const entity = await this.lockInScope(m, actor, id);
      if (entity.version !== dto.version) throw AppException.versionConflict('整治案件', dto.version, entity.version);
      const before = await this.query.get(actor, id, m);
      if (dto.sourceNote !== undefined) entity.sourceNote = dto.sourceNote.trim() || null;
      if (dto.plan !== undefined) entity.plan = dto.plan.trim() || null;
      if (dto.measures !== undefined) entity.measures = dto.measures.trim() || null;
      if (dto.responsibleUnit !== undefined) entity.responsibleUnit = dto.responsibleUnit.trim();
      if (dto.deadline !== undefined) {
        if (dto.deadline < entity.openedOn) throw AppException.field(ErrorCode.VALIDATION_FAILED, 'deadline', `整治期限 ${dto.deadline} 早于立案日期 ${entity.openedOn} (deadline before opening)`);
        entity.deadline = dto.deadline;
      }
      await m.save(entity);
      const after = await this.query.get(actor, id, m);
      await this.audit.record(m, actor, { action: 'remediation_case.update', entityType: 'remediation_case', entityId: id, enterpriseId: entity.enterpriseId ?? undefined, before: strip(before), after: strip(after) });
      return after;
    });
  }

  async transition(actor: Actor, id: string, dto: TransitionRemediationCaseDto, manager?: EntityManager): Promise<RemediationCaseDetailDto> {
    const today = todayInChina();
    const effectiveOn = dto.effectiveOn ?? today;
    checkTransitionFields(dto, today);
    const closing = dto.toStatus === RemediationStatus.CLOSED;
    try {
      const work = async (m: EntityManager) => {
        const entity = await this.lockInScope(m, actor, id);
        if (entity.version !== dto.version) throw AppException.versionConflict('整治案件', dto.version, entity.version);
        if (!canMoveCase(entity.status, dto.toStatus)) throw illegalCaseTransition(entity.status, dto.toStatus);
        const [last] = await m.query(`SELECT effective_on::text AS d FROM remediation_case_event WHERE case_id = $1 ORDER BY effective_on DESC, id DESC LIMIT 1`, [id]);
        if (last && effectiveOn < last.d) {
          throw AppException.field(ErrorCode.DATE_OUT_OF_ORDER, 'effectiveOn', `生效日期 ${effectiveOn} 早于上一次变更的日期 ${last.d} (effectiveOn before the previous change)`);
        }
        if (OPEN_STATUSES.includes(dto.toStatus) && !OPEN_STATUSES.includes(entity.status)) {
          // Reopening: the subject must not have gained another open case of the category meanwhile.
          const other = await this.openCase(m, entity.category, entity.enterpriseId, entity.blockId);
          if (other) throw duplicateOpenCase(entity.category, other);
        }
        const before = await this.query.get(actor, id, m);
        const fromStatus = entity.status;
        entity.status = dto.toStatus;
        entity.outcome = closing ? dto.outcome! : null;
        entity.closedOn = closing ? effectiveOn : null;
        if (closing) entity.evidence = dto.evidence!.trim();
        await m.save(entity);
        await m.insert(RemediationCaseEventEntity, {
          caseId: id,
          fromStatus,
          toStatus: dto.toStatus,
          effectiveOn,
          outcome: closing ? dto.outcome! : null,
          note: dto.note?.trim() || (closing ? dto.evidence!.trim() : null),
          actorId: actor.id,
          actorUsername: actor.username,
        });
        const after = await this.query.get(actor, id, m);
        await this.audit.record(m, actor, { action: 'remediation_case.transition', entityType: 'remediation_case', entityId: id, enterpriseId: entity.enterpriseId ?? undefined, before: strip(before), after: strip(after) });
        return after;
      };
      return manager ? await work(manager) : await this.dataSource.transaction(work);
    } catch (error) {
      throw translateOpenViolation(error, null);
    }
  }

  private async insert(m: EntityManager, actor: Actor, dto: CaseSourceDto & { category: RemediationCategory }, enterpriseId: string | null, blockId: string | null, today: string) {
    const openedOn = dto.openedOn ?? today;
    const entity = await m.save(
      m.create(RemediationCaseEntity, {
        enterpriseId,
        blockId,
        category: dto.category,
        sourceKind: dto.sourceKind,
        sourceYear: dto.sourceYear ?? null,
        sourceNote: dto.sourceNote?.trim() || null,
        plan: dto.plan?.trim() || null,
        measures: dto.measures?.trim() || null,
        responsibleUnit: dto.responsibleUnit.trim(),
        deadline: dto.deadline,
        openedOn,
        status: RemediationStatus.OPEN,
        outcome: null,
        closedOn: null,
        evidence: null,
      }),
    );
    await m.insert(RemediationCaseEventEntity, {
      caseId: entity.id,
      fromStatus: null,
      toStatus: RemediationStatus.OPEN,
      effectiveOn: openedOn,
      outcome: null,
      note: '立案 (opened)',
      actorId: actor.id,
      actorUsername: actor.username,
    });
    const view = await this.query.get(actor, entity.id, m);
    await this.audit.record(m, actor, { action: 'remediation_case.create', entityType: 'remediation_case', entityId: entity.id, enterpriseId: enterpriseId ?? undefined, after: strip(view) });
    return view;
  }

  /** The open case of `category` the subject has, if any. */
  async openCase(m: EntityManager, category: RemediationCategory, enterpriseId: string | null, blockId: string | null): Promise<string | null> {
    const row = await m.findOne(RemediationCaseEntity, {
      select: { id: true },
      where: { category, status: In([...OPEN_STATUSES]), ...(enterpriseId ? { enterpriseId } : { blockId: blockId! }) },
    });
    return row?.id ?? null;
  }

  private async lockInScope(m: EntityManager, actor: Actor, id: string): Promise<RemediationCaseEntity> {
    const entity = await m.findOne(RemediationCaseEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!entity) throw caseNotFound(id);
    // Out of scope reads as absent, checked before the version so nothing about it leaks.
    await this.query.get(actor, id, m).catch(() => {
      throw caseNotFound(id);
    });
    return entity;
  }
}

/** A case names an enterprise, or (LOW_EFFICIENCY_BLOCK only) a land block. */
export function checkCaseSubject(dto: { category: RemediationCategory; enterpriseId?: string; blockId?: string }): void {
  const blockCase = isBlockCategory(dto.category);
  if (blockCase && !dto.blockId) throw AppException.field(ErrorCode.VALIDATION_FAILED, 'blockId', '低效区块案件必须指定区块 blockId (a block case names its block)');
  if (blockCase && dto.enterpriseId) throw AppException.field(ErrorCode.VALIDATION_FAILED, 'enterpriseId', '低效区块案件的对象是区块,请不要填 enterpriseId (a block case names no enterprise)');
  if (!blockCase && !dto.enterpriseId) throw AppException.field(ErrorCode.VALIDATION_FAILED, 'enterpriseId', `“${REMEDIATION_CATEGORY_LABELS[dto.category]}”案件必须指定企业 enterpriseId (an enterprise case names its enterprise)`);
  if (!blockCase && dto.blockId) throw AppException.field(ErrorCode.VALIDATION_FAILED, 'blockId', '只有低效区块案件可以指定区块 blockId (only block cases name a block)');
}

/** A transition's own fields: not dated after today; closing needs an outcome and evidence, nothing else takes an outcome. */
export function checkTransitionFields(dto: Pick<TransitionRemediationCaseDto, 'toStatus' | 'effectiveOn' | 'outcome' | 'evidence'>, today: string): void {
  const effectiveOn = dto.effectiveOn ?? today;
  if (effectiveOn > today) throw futureDate('effectiveOn', effectiveOn, today);
  const closing = dto.toStatus === RemediationStatus.CLOSED;
  if (closing && !dto.outcome) throw AppException.field(ErrorCode.VALIDATION_FAILED, 'outcome', '销号必须填写整治结果 outcome(提升达标/兼并重组/关停淘汰/腾退) (outcome required to close)');
  if (closing && !dto.evidence?.trim()) throw AppException.field(ErrorCode.VALIDATION_FAILED, 'evidence', '销号必须填写佐证材料 evidence (evidence required to close)');
  if (!closing && dto.outcome) throw AppException.field(ErrorCode.VALIDATION_FAILED, 'outcome', '只有销号(已销号)时填写整治结果 (outcome only when closing)');
}

/** Source and dates of a new case: EVALUATION_D names its year; opened not after today; deadline not before opening. */
export function checkCaseSource(dto: CaseSourceDto, today: string): void {
  if (dto.sourceKind === RemediationSourceKind.EVALUATION_D && !dto.sourceYear) {
    throw AppException.field(ErrorCode.VALIDATION_FAILED, 'sourceYear', '来源为亩均评价D类时必须填写评价年度 sourceYear (evaluation year required)');
  }
  const openedOn = dto.openedOn ?? today;
  if (openedOn > today) throw futureDate('openedOn', openedOn, today);
  if (dto.deadline < openedOn) throw AppException.field(ErrorCode.VALIDATION_FAILED, 'deadline', `整治期限 ${dto.deadline} 早于立案日期 ${openedOn} (deadline before opening)`);
}

const strip = (view: RemediationCaseDetailDto) => ({ ...view, events: undefined, allowedTransitions: undefined, overdue: undefined });

/** Two opens that raced past the check lose at the partial unique index: the same 409. */
function translateOpenViolation(error: unknown, category: RemediationCategory | null): unknown {
  if (error instanceof QueryFailedError) {
    const pg = error.driverError as { code?: string; constraint?: string };
    if (pg.code === '23505' && pg.constraint?.startsWith('uq_remediation_case_open')) return duplicateOpenCase(category ?? RemediationCategory.HIGH_ENERGY_LOW_EFFICIENCY, '');
  }
  return error;
}
