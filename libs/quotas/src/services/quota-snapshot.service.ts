import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AuditService } from '@app/audit';
import { Actor, AppException, ErrorCode } from '@app/core';

import { DrillDownRowDto, PlanProgressDto } from '../dto/progress.dto';
import { QuarterCompareDto, QuarterlyReportPayload, SnapshotDto } from '../dto/snapshot.dto';
import { QuotaLineEntity } from '../entities/quota-line.entity';
import { QuotaSnapshotEntity } from '../entities/quota-snapshot.entity';
import { MeasureScope } from './measure-sql';
import { QuotaPlanService } from './quota-plan.service';
import { membersOf, QuotaProgressService } from './quota-progress.service';
import { freezeMembers, frozenMembers, memberArray } from './quota-snapshot-members';

/** The last day of a quarter, YYYY-MM-DD. */
export function quarterEnd(year: number, quarter: number): string {
  return ['03-31', '06-30', '09-30', '12-31'].map((d) => `${year}-${d}`)[quarter - 1];
}

function checkQuarter(quarter: number): void {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
    throw AppException.field(ErrorCode.VALIDATION_FAILED, 'quarter', `季度须为 1–4,收到 ${quarter} (quarter must be 1-4)`);
  }
}

/** A frozen quarter as the reports read it. */
export interface FrozenQuarter {
  /** The payload as stored */
  text: string;
  /** The frozen lines and header; `drillDown` / `lackingFigures` only when `inPayload` */
  payload: QuarterlyReportPayload;
  /** Frozen before issue 14: every row inside the payload, as one JSON text */
  inPayload: boolean;
  /** The lines with holders listed apart for lacking figures (the report's `lackingFigures` keys); null when the quarter predates that list */
  lackingCodes: string[] | null;
  /** A line's rows in report order, in batches (the lacking holders with `lacking`); only those districts' rows with `districtCodes` */
  rows(lineCode: string, lacking: boolean, districtCodes?: string[] | null): AsyncIterable<DrillDownRowDto[]>;
}

/** Freezing a quarter's progress and reading frozen quarters back. */
@Injectable()
export class QuotaSnapshotService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly plans: QuotaPlanService,
    private readonly progress: QuotaProgressService,
  ) {}

  async freeze(actor: Actor, year: number, quarter: number): Promise<SnapshotDto> {
    checkQuarter(quarter);
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const plan = await this.plans.findPlan(manager, year);
      // Serialise freezes of the same plan; the unique index is the final guard.
      await manager.query('SELECT pg_advisory_xact_lock(727004, $1)', [year * 10 + quarter]);
      if (await manager.findOneBy(QuotaSnapshotEntity, { planId: plan.id, quarter })) {
        throw AppException.conflict(ErrorCode.ALREADY_FROZEN, `${year} 年第 ${quarter} 季度已冻结,冻结后不可更改 (quarter already frozen)`);
      }
      const asOf = quarterEnd(year, quarter);
      const progress = await this.progress.progress(year, asOf, {}, manager);
      const lines = await manager.find(QuotaLineEntity, { where: { planId: plan.id }, order: { sortOrder: 'ASC', code: 'ASC' } });
      const frozenAt = new Date(Math.floor(Date.now() / 1000) * 1000);
      // The lines only: the rows behind them go to quota_snapshot_member below, statement by statement.
      const payload: QuarterlyReportPayload = {
        year,
        quarter,
        asOf,
        title: plan.title,
        sourceDocument: plan.sourceDocument,
        planVersion: plan.version,
        frozenAt: frozenAt.toISOString(),
        frozenBy: actor.username,
        frozenByName: actor.displayName || actor.username,
        elapsedShare: progress.elapsedShare,
        lines: progress.lines,
      };
      const saved = await manager.save(
        manager.create(QuotaSnapshotEntity, { planId: plan.id, year, quarter, asOf, payload: JSON.stringify(payload), frozenById: actor.id, frozenByUsername: actor.username, frozenAt }),
      );
      for (const line of lines) {
        for (const part of ['population', 'lacking'] as const) {
          const q = membersOf(line, year, asOf, {}, part);
          if (q) await freezeMembers(manager, saved.id, line.code, part === 'lacking', q);
        }
      }
      const result = { year, quarter, asOf, frozenAt: payload.frozenAt, frozenBy: actor.username, lineCount: lines.length };
      await this.audit.record(manager, actor, { action: 'quota_snapshot.freeze', entityType: 'quota_snapshot', entityId: saved.id, after: result });
      return result;
    });
  }

  /** The quarters of a year's plan that are frozen, with who froze them and when (none when there is no plan). */
  async frozenQuarters(year: number): Promise<{ quarter: number; asOf: string; frozenAt: Date; frozenByUsername: string }[]> {
    return this.dataSource.query(
      `SELECT s.quarter, to_char(s.as_of, 'YYYY-MM-DD') AS "asOf", s.frozen_at AS "frozenAt", s.frozen_by_username AS "frozenByUsername"
       FROM quota_snapshot s JOIN quota_plan p ON p.id = s.plan_id WHERE p.year = $1 ORDER BY s.quarter`,
      [year],
    );
  }

  /**
   * A frozen quarter for rendering: its payload (the lines) and a walk over the rows behind each line. Quarters
   * frozen before the rows were kept apart carry them inside the payload and are read from there.
   */
  async frozen(year: number, quarter: number): Promise<FrozenQuarter> {
    checkQuarter(quarter);
    const plan = await this.plans.findPlan(this.dataSource.manager, year);
    const row = await this.dataSource.manager.findOneBy(QuotaSnapshotEntity, { planId: plan.id, quarter });
    if (!row) throw AppException.notFound(ErrorCode.REPORT_NOT_FROZEN, `${year} 年第 ${quarter} 季度尚未冻结,请先冻结季度进度 (quarter not frozen yet)`);
    const payload = JSON.parse(row.payload) as QuarterlyReportPayload;
    if (payload.drillDown) {
      const legacy = payload.drillDown;
      return {
        text: row.payload,
        payload,
        inPayload: true,
        lackingCodes: payload.lackingFigures ? Object.keys(payload.lackingFigures) : null,
        rows: (code, lacking, districtCodes) => memberArray(lacking ? payload.lackingFigures?.[code] : legacy[code], districtCodes),
      };
    }
    return {
      text: row.payload,
      payload,
      inPayload: false,
      lackingCodes: payload.lines.filter((l) => (l.lackingFigures ?? 0) > 0).map((l) => l.code),
      rows: (code, lacking, districtCodes) => frozenMembers(this.dataSource.manager, row.id, code, lacking, districtCodes),
    };
  }

  /**
   * A quarter beside the previous one. With a restricted scope (a district officer) both quarters are live
   * over that scope: the frozen payload holds the city's totals, which are not theirs to see.
   */
  async compare(year: number, quarter: number, scope: MeasureScope = {}): Promise<QuarterCompareDto> {
    checkQuarter(quarter);
    const current = await this.quarterProgress(year, quarter, scope);
    const previous = quarter > 1 ? await this.quarterProgress(year, quarter - 1, scope) : null;
    return {
      year,
      quarter,
      asOf: current.progress.asOf,
      source: current.source,
      previousQuarter: previous ? quarter - 1 : null,
      previousSource: previous?.source ?? null,
      lines: current.progress.lines.map((line) => {
        const before = previous?.progress.lines.find((l) => l.code === line.code) ?? null;
        return {
          code: line.code,
          label: line.label,
          unit: line.unit,
          target: line.target,
          actual: line.actual,
          previousActual: before?.actual ?? null,
          change: before ? Math.round((line.actual - before.actual) * 100) / 100 : null,
          status: line.status,
          statusLabel: line.statusLabel,
          previousStatus: before?.status ?? null,
          previousStatusLabel: before?.statusLabel ?? null,
        };
      }),
    };
  }

  private async quarterProgress(year: number, quarter: number, scope: MeasureScope): Promise<{ source: string; progress: Pick<PlanProgressDto, 'asOf' | 'lines'> }> {
    const plan = await this.plans.findPlan(this.dataSource.manager, year);
    const restricted = Boolean(scope.districtCode || scope.chainId || scope.districtCodes);
    const row = restricted ? null : await this.dataSource.manager.findOneBy(QuotaSnapshotEntity, { planId: plan.id, quarter });
    if (row) return { source: 'FROZEN', progress: JSON.parse(row.payload) as QuarterlyReportPayload };
    return { source: 'LIVE', progress: await this.progress.progress(year, quarterEnd(year, quarter), scope) };
  }
}
