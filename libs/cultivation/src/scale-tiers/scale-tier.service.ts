import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Actor, DESIGNATION_TYPE_LABELS, FIELD_LABELS, HOLDING_STATUSES } from '@app/core';
import { EnterpriseService } from '@app/registry';

import { scopeSql } from '../common/scope';
import { DesignationQueryService } from '../designations/designation-query.service';
import { scaleTierSql } from './scale-tier-sql';
import { EnterpriseAtTierDto, EnterpriseScaleTiersDto, EnterprisesAtTierDto, SCALE_TIERS, ScaleTier } from './scale-tier.dto';

/** 百亿 / 五百亿 / 千亿: annual operating revenue in yuan (亿 = 1e8). */
export const SCALE_THRESHOLDS_YUAN: Record<ScaleTier, number> = { SCALE_10B: 1e10, SCALE_50B: 5e10, SCALE_100B: 1e11 };

export const SCALE_METRIC = { key: 'operatingRevenueYuan', column: 'operating_revenue_yuan', label: `${FIELD_LABELS.enterprise_figure.operatingRevenueYuan.label}(年度)` } as const;

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/**
 * Scale tiers derived from reported annual figures. A missing previous year counts as "not at the
 * tier", so an enterprise first reported in Y at 百亿 is new at the tier in Y.
 */
@Injectable()
export class ScaleTierService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly enterprises: EnterpriseService,
    private readonly designations: DesignationQueryService,
  ) {}

  async forEnterprise(actor: Actor, enterpriseId: string, year: number): Promise<EnterpriseScaleTiersDto> {
    await this.enterprises.findInScope(this.dataSource.manager, actor, enterpriseId);
    const rows: { year: number; value: string | null }[] = await this.dataSource.query(
      `SELECT year, ${SCALE_METRIC.column} AS value FROM enterprise_figure WHERE enterprise_id = $1 AND quarter = 0 AND year IN ($2, $3)`,
      [enterpriseId, year, year - 1],
    );
    const value = num(rows.find((r) => Number(r.year) === year)?.value);
    const previous = num(rows.find((r) => Number(r.year) === year - 1)?.value);
    const tagged = (await this.designations.forEnterprise(actor, enterpriseId)).filter((d) => (SCALE_TIERS as readonly string[]).includes(d.type));
    const tiers = SCALE_TIERS.map((tier) => {
      const threshold = SCALE_THRESHOLDS_YUAN[tier];
      const atTier = value !== null && value >= threshold;
      const atTierPreviousYear = previous !== null && previous >= threshold;
      return {
        tier,
        tierLabel: DESIGNATION_TYPE_LABELS[tier],
        thresholdYuan: threshold,
        atTier,
        atTierPreviousYear,
        newAtTier: atTier && !atTierPreviousYear,
        tagged: tagged.some((d) => d.type === tier && HOLDING_STATUSES.includes(d.status)),
      };
    });
    const derived = [...tiers].reverse().find((t) => t.atTier)?.tier ?? null;
    return {
      enterpriseId,
      year,
      metric: SCALE_METRIC.key,
      metricLabel: SCALE_METRIC.label,
      valueYuan: value,
      previousYear: year - 1,
      previousValueYuan: previous,
      derivedTier: derived,
      derivedTierLabel: derived ? DESIGNATION_TYPE_LABELS[derived] : null,
      tiers,
      taggedDesignations: tagged,
    };
  }

  /** Enterprises at `tier` for `year` (optionally only the new ones), within the actor's scope; quota progress reuses this. */
  async enterprisesAtTier(
    actor: Actor,
    year: number,
    tier: ScaleTier,
    options: { newOnly?: boolean; districtCode?: string } = {},
  ): Promise<EnterprisesAtTierDto> {
    const threshold = SCALE_THRESHOLDS_YUAN[tier];
    const params: unknown[] = [year, threshold];
    const rule = scaleTierSql({ column: SCALE_METRIC.column, year: '$1', threshold: '$2', newOnly: options.newOnly ?? false });
    let sql =
      `SELECT e.id, e.name, e.credit_code, e.district_code, cur.${SCALE_METRIC.column} AS value, prev.${SCALE_METRIC.column} AS previous ` +
      `FROM enterprise e ${rule.joins} WHERE NOT e.archived AND ${rule.where}`;
    const scope = scopeSql('e', actor, params);
    if (scope !== 'TRUE') sql += ` AND ${scope}`;
    if (options.districtCode) {
      params.push(options.districtCode);
      sql += ` AND e.district_code = $${params.length}`;
    }
    const rows: Record<string, unknown>[] = await this.dataSource.query(`${sql} ORDER BY cur.${SCALE_METRIC.column} DESC, e.id`, params);
    const items: EnterpriseAtTierDto[] = rows.map((r) => {
      const previous = num(r.previous);
      return {
        enterpriseId: r.id as string,
        name: r.name as string,
        creditCode: r.credit_code as string,
        districtCode: r.district_code as string,
        valueYuan: Number(r.value),
        previousValueYuan: previous,
        newAtTier: previous === null || previous < threshold,
      };
    });
    return {
      year,
      tier,
      tierLabel: DESIGNATION_TYPE_LABELS[tier],
      metric: SCALE_METRIC.key,
      thresholdYuan: threshold,
      newOnly: options.newOnly ?? false,
      total: items.length,
      items,
    };
  }
}
