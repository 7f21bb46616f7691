import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';

import { Actor, AppException, canWriteEnterprise, ErrorCode } from '@app/core';
import { EVALUATION_STATUS_LABELS, EvaluationClass, EvaluationResultsService, EvaluationRunEntity, EvaluationStatus } from '@app/evaluation';
import { EnterpriseEntity } from '@app/registry';

import { isBlockCategory, OPEN_STATUSES, RemediationCategory, RemediationSourceKind } from '../remediation-enums';
import { RemediationErrorCode } from '../remediation.errors';
import { FromEvaluationPreviewDto, FromEvaluationResultDto, OpenFromEvaluationDto } from './from-evaluation.dto';
import { RemediationCaseService } from './remediation-case.service';

/**
 * Opening cases for a year's 亩均 D-class firms. The list is the evaluation's final class once the results
 * are public: a year still at COMPUTED (firms confirming, objections open) is refused, PUBLICISED and FROZEN
 * are accepted. A class changed later by an objection does not touch cases already opened.
 */
@Injectable()
export class RemediationFromEvaluationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly results: EvaluationResultsService,
    private readonly cases: RemediationCaseService,
  ) {}

  async preview(actor: Actor, year: number, category: RemediationCategory = RemediationCategory.EVALUATION_D_CLASS): Promise<FromEvaluationPreviewDto> {
    const run = await this.publicRun(year);
    const firms = await this.dClassInScope(actor, year);
    const open = firms.length
      ? await this.dataSource.query(`SELECT count(DISTINCT enterprise_id)::int AS n FROM remediation_case WHERE category = $1 AND status = ANY($2::text[]) AND enterprise_id = ANY($3::uuid[])`, [
          category,
          [...OPEN_STATUSES],
          firms.map((f) => f.id),
        ])
      : [{ n: 0 }];
    return { year, evaluationStatus: run.status, dClassFirms: firms.length, alreadyOpen: open[0].n };
  }

  async open(actor: Actor, dto: OpenFromEvaluationDto): Promise<FromEvaluationResultDto> {
    const category = dto.category ?? RemediationCategory.EVALUATION_D_CLASS;
    if (isBlockCategory(category)) throw AppException.field(ErrorCode.VALIDATION_FAILED, 'category', '亩均D类企业批量立案只能用企业类的案件类别 (a block category cannot be used)');
    await this.publicRun(dto.year);
    const firms = await this.dClassInScope(actor, dto.year);
    if (!firms.length) return { year: dto.year, dClassFirms: 0, opened: 0, caseIds: [], skipped: [] };
    const result = await this.cases.openForEnterprises(actor, {
      category,
      enterprises: firms.map((f) => f.id),
      sourceKind: RemediationSourceKind.EVALUATION_D,
      sourceYear: dto.year,
      sourceNote: dto.sourceNote?.trim() || `${dto.year}年度亩均效益评价D类`,
      plan: dto.plan,
      measures: dto.measures,
      responsibleUnit: dto.responsibleUnit,
      deadline: dto.deadline,
      openedOn: dto.openedOn,
    });
    return { year: dto.year, dClassFirms: firms.length, ...result };
  }

  /** The year's run, refused unless its results are public (PUBLICISED or FROZEN). */
  private async publicRun(year: number): Promise<EvaluationRunEntity> {
    const run = await this.dataSource.manager.findOne(EvaluationRunEntity, { where: { year } });
    if (!run) throw AppException.conflict(RemediationErrorCode.EVALUATION_NOT_COMPUTED, `${year} 年亩均评价尚未计算,没有D类企业可立案 (evaluation not computed)`, { field: 'year' });
    if (run.status === EvaluationStatus.COMPUTED) {
      throw AppException.conflict(
        RemediationErrorCode.EVALUATION_NOT_PUBLICISED,
        `${year} 年亩均评价处于“${EVALUATION_STATUS_LABELS[run.status]}”,结果公示后才能按D类批量立案 (results not yet publicised)`,
        { field: 'year' },
      );
    }
    return run;
  }

  /** D-class firms (final class) the actor may write, archived firms left out, in credit-code order. */
  private async dClassInScope(actor: Actor, year: number): Promise<EnterpriseEntity[]> {
    const members = await this.results.enterprisesOfClass(year, EvaluationClass.D);
    if (!members.length) return [];
    const found = await this.dataSource.manager.find(EnterpriseEntity, { where: { id: In(members.map((m) => m.enterpriseId)) }, order: { creditCode: 'ASC' } });
    return found.filter((e) => !e.archived && canWriteEnterprise(actor, e));
  }
}
