import { Injectable } from '@nestjs/common';

import { Actor, todayInChina } from '@app/core';
import { DesignationQueryService } from '@app/cultivation';
import { measureScopeFor, MeasureKind, QuotaPlanService, QuotaProgressService, QuotaSnapshotService, quarterEnd } from '@app/quotas';
import { ChangeRequestReviewService, ChangeRequestStatus } from '@app/registry';

import { WorkbenchDto, WorkbenchQuarterDto, WorkbenchQuotasDto } from './workbench.dto';

const TOP = 5;
const EXPIRING_WITHIN_DAYS = 90;

/**
 * A staff member's to-dos and headline figures, each computed by the library that owns the rule:
 * the review queue and the expiry window by their list services (in the caller's scope), progress
 * by quota progress. Nothing is restated here.
 */
@Injectable()
export class WorkbenchService {
  constructor(
    private readonly changeRequests: ChangeRequestReviewService,
    private readonly designations: DesignationQueryService,
    private readonly plans: QuotaPlanService,
    private readonly progress: QuotaProgressService,
    private readonly snapshots: QuotaSnapshotService,
  ) {}

  async summary(actor: Actor): Promise<WorkbenchDto> {
    const today = todayInChina();
    const planYears = (await this.plans.list()).map((p) => p.year);
    const [pending, expiring, quotas, freeze] = await Promise.all([
      this.changeRequests.list(actor, { status: ChangeRequestStatus.PENDING, page: 1, pageSize: TOP, sort: 'createdAt:asc' }),
      this.designations.list(actor, { expiringWithinDays: EXPIRING_WITHIN_DAYS, page: 1, pageSize: TOP }),
      this.quotas(actor, today, planYears),
      this.freeze(today, planYears),
    ]);
    return {
      today,
      changeRequests: { pending: pending.meta.total, top: pending.items },
      expiring: { withinDays: EXPIRING_WITHIN_DAYS, count: expiring.meta.total, top: expiring.items },
      quotas,
      freeze,
    };
  }

  private async quotas(actor: Actor, today: string, planYears: number[]): Promise<WorkbenchQuotasDto> {
    const year = Number(today.slice(0, 4));
    const planYear = planYears.filter((y) => y <= year).sort((a, b) => b - a)[0];
    if (planYear === undefined) return { planYear: null, asOf: null, unreportedManualLines: [], kpis: [] };
    const asOf = planYear === year ? today : `${planYear}-12-31`;
    const { lines } = await this.progress.progress(planYear, asOf, measureScopeFor(actor, {}));
    return {
      planYear,
      asOf,
      unreportedManualLines: lines.filter((l) => l.reported === false).map(({ code, label, unit, group }) => ({ code, label, unit, group })),
      kpis: lines
        .filter((l) => l.measureKind === MeasureKind.HOLDING_DESIGNATIONS)
        .map(({ code, label, unit, group, measureKind, target, actual, percent, status, statusLabel }) => ({ code, label, unit, group, measureKind, target, actual, percent, status, statusLabel })),
    };
  }

  private async freeze(today: string, planYears: number[]): Promise<WorkbenchDto['freeze']> {
    const year = Number(today.slice(0, 4));
    const quarter = Math.ceil(Number(today.slice(5, 7)) / 3);
    const last = quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };
    return { current: await this.quarter(year, quarter, planYears), last: await this.quarter(last.year, last.quarter, planYears) };
  }

  private async quarter(year: number, quarter: number, planYears: number[]): Promise<WorkbenchQuarterDto> {
    const frozen = (await this.snapshots.frozenQuarters(year)).find((q) => q.quarter === quarter);
    return {
      year,
      quarter,
      endsOn: quarterEnd(year, quarter),
      planExists: planYears.includes(year),
      frozen: Boolean(frozen),
      frozenAt: frozen?.frozenAt ?? null,
      frozenByUsername: frozen?.frozenByUsername ?? null,
    };
  }
}
