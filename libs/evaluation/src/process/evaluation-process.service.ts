import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { AuditService } from '@app/audit';
import { Actor, AppException, assertCanWriteEnterprise, ErrorCode, todayInChina } from '@app/core';

import { EvaluationResponseEntity } from '../entities/evaluation-response.entity';
import { EvaluationRunEntity } from '../entities/evaluation-run.entity';
import { EvaluationStatus, EVALUATION_CLASS_LABELS, ObjectionStatus, ResponseKind } from '../evaluation-enums';
import { EvaluationErrorCode, notComputed, objectionNotFound, resultNotFound, wrongStage } from '../evaluation.errors';
import { SheetResponseDto } from '../results/results.dto';
import { DecideObjectionDto, FreezeDto, PubliciseDto, RespondDto } from './process.dto';

/**
 * The process after a run: firms confirm or object to their sheet; staff publicise the results
 * with dates, decide objections (the class may change) and freeze the year. After the freeze no
 * number changes; a class still changes only through an upheld objection, audited.
 */
@Injectable()
export class EvaluationProcessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private async lockRun(manager: EntityManager, year: number): Promise<EvaluationRunEntity> {
    const run = await manager.findOne(EvaluationRunEntity, { where: { year }, lock: { mode: 'pessimistic_write' } });
    if (!run) throw notComputed(year);
    return run;
  }

  private async resultInScope(manager: EntityManager, actor: Actor, year: number, enterpriseId: string) {
    const [row] = await manager.query(
      `SELECT r.id, r.final_class AS "finalClass", r.exclusion_reason AS "exclusionReason", e.district_code AS "districtCode"
       FROM evaluation_result r JOIN enterprise e ON e.id = r.enterprise_id WHERE r.year = $1 AND r.enterprise_id = $2 FOR UPDATE OF r`,
      [year, enterpriseId],
    );
    if (!row) throw resultNotFound(year, enterpriseId);
    assertCanWriteEnterprise(actor, { id: enterpriseId, districtCode: row.districtCode });
    return row as { id: string; finalClass: string | null; exclusionReason: string | null; districtCode: string };
  }

  async respond(actor: Actor, year: number, enterpriseId: string, dto: RespondDto): Promise<SheetResponseDto> {
    if (dto.kind === ResponseKind.OBJECT) {
      if (!dto.reason?.trim()) throw AppException.field(ErrorCode.VALIDATION_FAILED, 'reason', '提出异议请写明理由 (reason required)');
      if (!dto.evidence?.some((e) => e.trim())) throw AppException.field(ErrorCode.VALIDATION_FAILED, 'evidence', '提出异议请至少列出一项佐证材料 (evidence required)');
    }
    return this.dataSource.transaction(async (manager) => {
      const run = await this.lockRun(manager, year);
      const result = await this.resultInScope(manager, actor, year, enterpriseId);
      // A confirmation belongs before the results are final; an objection is the one route to a later class change.
      if (dto.kind === ResponseKind.CONFIRM && run.status === EvaluationStatus.FROZEN) throw wrongStage(year, '结果已定档冻结,无需再确认;如有异议请提出异议');
      if (dto.kind === ResponseKind.OBJECT) {
        const pending = await manager.count(EvaluationResponseEntity, { where: { year, enterpriseId, status: ObjectionStatus.PENDING } });
        if (pending) throw AppException.conflict(EvaluationErrorCode.OBJECTION_PENDING, '本企业已有一条待处理的异议,请等待处理结果 (an objection is pending)');
      }
      const saved = await manager.save(
        manager.create(EvaluationResponseEntity, {
          year,
          enterpriseId,
          kind: dto.kind,
          reason: dto.reason?.trim() || null,
          evidence: (dto.evidence ?? []).map((e) => e.trim()).filter(Boolean),
          requestedClass: dto.kind === ResponseKind.OBJECT ? dto.requestedClass ?? null : null,
          classBefore: (result.finalClass as never) ?? null,
          status: dto.kind === ResponseKind.OBJECT ? ObjectionStatus.PENDING : ObjectionStatus.NONE,
          submittedBy: actor.displayName ?? actor.username,
        }),
      );
      await this.audit.record(manager, actor, { action: dto.kind === ResponseKind.OBJECT ? 'evaluation.object' : 'evaluation.confirm', entityType: 'evaluation_response', entityId: saved.id, enterpriseId, after: saved });
      return { ...saved };
    });
  }

  async publicise(actor: Actor, year: number, dto: PubliciseDto): Promise<EvaluationRunEntity> {
    if (dto.endsOn < dto.startsOn) throw AppException.field(ErrorCode.VALIDATION_FAILED, 'endsOn', `公示结束日 ${dto.endsOn} 早于开始日 ${dto.startsOn} (end before start)`);
    return this.dataSource.transaction(async (manager) => {
      const run = await this.lockRun(manager, year);
      if (run.version !== dto.version) throw AppException.versionConflict('亩均评价', dto.version, run.version);
      if (run.status === EvaluationStatus.FROZEN) throw wrongStage(year, '结果已定档冻结,不能再公示');
      await manager.update(EvaluationRunEntity, { id: run.id }, { status: EvaluationStatus.PUBLICISED, publicityStartsOn: dto.startsOn, publicityEndsOn: dto.endsOn });
      const after = (await manager.findOne(EvaluationRunEntity, { where: { id: run.id } }))!;
      await this.audit.record(manager, actor, { action: 'evaluation.publicise', entityType: 'evaluation_run', entityId: run.id, before: { status: run.status, publicityStartsOn: run.publicityStartsOn, publicityEndsOn: run.publicityEndsOn }, after: { status: after.status, publicityStartsOn: after.publicityStartsOn, publicityEndsOn: after.publicityEndsOn } });
      return after;
    });
  }

  async freeze(actor: Actor, year: number, dto: FreezeDto): Promise<EvaluationRunEntity> {
    return this.dataSource.transaction(async (manager) => {
      const run = await this.lockRun(manager, year);
      if (run.version !== dto.version) throw AppException.versionConflict('亩均评价', dto.version, run.version);
      if (run.status === EvaluationStatus.FROZEN) throw AppException.conflict(ErrorCode.ALREADY_FROZEN, `${year} 年亩均评价已定档冻结 (already frozen)`);
      if (run.status !== EvaluationStatus.PUBLICISED) throw wrongStage(year, '结果须先公示,公示期满后才能定档冻结');
      const today = todayInChina();
      if (today <= run.publicityEndsOn!) {
        throw AppException.conflict(EvaluationErrorCode.PUBLICITY_NOT_OVER, `公示期至 ${run.publicityEndsOn} 结束,期满(今天 ${today})后才能定档冻结 (publicity not over)`);
      }
      const pending = await manager.count(EvaluationResponseEntity, { where: { year, status: ObjectionStatus.PENDING } });
      if (pending) throw AppException.conflict(EvaluationErrorCode.OBJECTION_PENDING, `还有 ${pending} 条异议未处理,处理完毕后才能定档冻结 (objections pending)`);
      await manager.update(EvaluationRunEntity, { id: run.id }, { status: EvaluationStatus.FROZEN, frozenAt: new Date(), frozenBy: actor.displayName ?? actor.username });
      const after = (await manager.findOne(EvaluationRunEntity, { where: { id: run.id } }))!;
      await this.audit.record(manager, actor, { action: 'evaluation.freeze', entityType: 'evaluation_run', entityId: run.id, before: { status: run.status }, after: { status: after.status, frozenAt: after.frozenAt } });
      return after;
    });
  }

  /** Staff decide an objection; upheld with a new class changes the firm's final class (also after the freeze). */
  async decide(actor: Actor, id: string, dto: DecideObjectionDto): Promise<SheetResponseDto> {
    if (dto.outcome === ObjectionStatus.UPHELD && !dto.newClass) {
      throw AppException.field(ErrorCode.VALIDATION_FAILED, 'newClass', '异议成立时请选择调整后的档次 (newClass required when upheld)');
    }
    return this.dataSource.transaction(async (manager) => {
      const objection = await manager.findOne(EvaluationResponseEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!objection || objection.kind !== ResponseKind.OBJECT) throw objectionNotFound(id);
      const run = await this.lockRun(manager, objection.year);
      const result = await this.resultInScope(manager, actor, objection.year, objection.enterpriseId).catch((error) => {
        // Out of scope reads as not found, like everywhere else.
        throw error instanceof AppException && error.status === 404 ? objectionNotFound(id) : error;
      });
      if (objection.version !== dto.version) throw AppException.versionConflict('异议', dto.version, objection.version);
      if (objection.status !== ObjectionStatus.PENDING) throw AppException.conflict(EvaluationErrorCode.OBJECTION_DECIDED, '该异议已处理 (already decided)');
      if (dto.outcome === ObjectionStatus.UPHELD && result.exclusionReason) throw wrongStage(objection.year, '该企业不参评,没有档次可调整');
      const decidedClass = dto.outcome === ObjectionStatus.UPHELD ? dto.newClass! : null;
      await manager.update(EvaluationResponseEntity, { id }, { status: dto.outcome, decidedClass, decisionNote: dto.note.trim(), decidedBy: actor.displayName ?? actor.username, decidedAt: new Date(), version: objection.version + 1 });
      if (decidedClass && decidedClass !== result.finalClass) {
        await manager.query('UPDATE evaluation_result SET final_class = $1 WHERE id = $2', [decidedClass, result.id]);
        await this.audit.record(manager, actor, {
          action: 'evaluation.class_change',
          entityType: 'evaluation_result',
          entityId: result.id,
          enterpriseId: objection.enterpriseId,
          before: { finalClass: result.finalClass, label: result.finalClass ? EVALUATION_CLASS_LABELS[result.finalClass as never] : null },
          after: { finalClass: decidedClass, label: EVALUATION_CLASS_LABELS[decidedClass], objectionId: id, frozen: run.status === EvaluationStatus.FROZEN },
        });
      }
      const after = (await manager.findOne(EvaluationResponseEntity, { where: { id } }))!;
      await this.audit.record(manager, actor, { action: 'evaluation.decide', entityType: 'evaluation_response', entityId: id, enterpriseId: objection.enterpriseId, before: objection, after });
      return { ...after };
    });
  }
}
