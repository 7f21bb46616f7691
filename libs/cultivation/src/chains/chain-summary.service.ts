import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import {
  Actor,
  applyEnterpriseScope,
  DESIGNATION_LEVEL_LABELS,
  DESIGNATION_STATUS_LABELS,
  DesignationLevel,
  DesignationStatus,
  DesignationType,
  HOLDING_STATUSES,
  todayInChina,
} from '@app/core';
import { CHAIN_STAGE_LABELS, ChainStage } from '@app/reference';

import { describeScope, scopeSql } from '../common/scope';
import { effectiveStatusSql } from '../designations/designation-sql';
import { ChainHolderDto, ChainSummaryDto } from './chain-summary.dto';
import { ChainService } from './chain.service';

const STAGES = [ChainStage.UPSTREAM, ChainStage.MIDSTREAM, ChainStage.DOWNSTREAM];
const UNASSIGNED = 'UNASSIGNED';

/** One chain at a glance for a year: where its members sit, who leads it, and what they add up to. */
@Injectable()
export class ChainSummaryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly chains: ChainService,
  ) {}

  async summary(actor: Actor, chainId: string, year: number): Promise<ChainSummaryDto> {
    const chain = await this.chains.get(actor, chainId);
    // Counts, holders and totals cover only members in the actor's scope: a district officer sees their district's share.
    const segmentParams: unknown[] = [chainId];
    const segmentScope = scopeSql('e', actor, segmentParams);
    const segments: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT s.id, s.code, s.name, s.stage, s.parent_id, count(m.id) FILTER (WHERE ${segmentScope})::int AS count FROM chain_segment s ` +
        `LEFT JOIN chain_membership m ON m.segment_id = s.id LEFT JOIN enterprise e ON e.id = m.enterprise_id ` +
        `WHERE s.chain_id = $1 GROUP BY s.id ORDER BY s.sort_order, s.code`,
      segmentParams,
    );
    const stageParams: unknown[] = [chainId];
    const stageScope = scopeSql('e', actor, stageParams);
    const stageRows: { stage: string | null; count: number }[] = await this.dataSource.query(
      `SELECT s.stage, count(*)::int AS count FROM chain_membership m JOIN enterprise e ON e.id = m.enterprise_id ` +
        `LEFT JOIN chain_segment s ON s.id = m.segment_id WHERE m.chain_id = $1 AND ${stageScope} GROUP BY s.stage`,
      stageParams,
    );
    const totalParams: unknown[] = [chainId, year];
    const totalScope = scopeSql('e', actor, totalParams);
    const [totals] = await this.dataSource.query(
      `SELECT count(m.id)::int AS member_count, count(f.id)::int AS with_figures, coalesce(sum(f.operating_revenue_yuan), 0)::text AS revenue, ` +
        `coalesce(sum(f.industrial_output_yuan), 0)::text AS output FROM chain_membership m JOIN enterprise e ON e.id = m.enterprise_id ` +
        `LEFT JOIN enterprise_figure f ON f.enterprise_id = m.enterprise_id AND f.year = $2 AND f.quarter = 0 WHERE m.chain_id = $1 AND ${totalScope}`,
      totalParams,
    );
    const holders = await this.holders(actor, chainId);
    const stageCount = (stage: string | null) => stageRows.find((r) => r.stage === stage)?.count ?? 0;
    return {
      chain,
      year,
      scope: describeScope(actor),
      byStage: [
        ...STAGES.map((stage) => ({ stage, stageLabel: CHAIN_STAGE_LABELS[stage], count: stageCount(stage) })),
        { stage: UNASSIGNED, stageLabel: '未分环节', count: stageCount(null) },
      ],
      bySegment: segments.map((s) => ({
        segmentId: s.id as string,
        code: s.code as string,
        name: s.name as string,
        stage: s.stage as string,
        stageLabel: CHAIN_STAGE_LABELS[s.stage as ChainStage],
        parentId: (s.parent_id as string) ?? null,
        count: s.count as number,
      })),
      leaders: holders.filter((h) => h.type === DesignationType.CHAIN_LEADER).map((h) => h.holder),
      cores: holders.filter((h) => h.type === DesignationType.CHAIN_CORE).map((h) => h.holder),
      bases: holders.filter((h) => h.type === DesignationType.CHAIN_BASE).map((h) => h.holder),
      totals: {
        memberCount: totals.member_count,
        membersWithFigures: totals.with_figures,
        operatingRevenueYuan: Number(totals.revenue),
        industrialOutputYuan: Number(totals.output),
      },
    };
  }

  private async holders(actor: Actor, chainId: string): Promise<{ type: DesignationType; holder: ChainHolderDto }[]> {
    const qb = this.dataSource
      .createQueryBuilder()
      .select(['d.id AS id', 'd.type AS type', 'd.level AS level', 'd.enterprise_id AS enterprise_id', 'e.name AS enterprise_name'])
      .addSelect(`${effectiveStatusSql('d')}`, 'status')
      .addSelect('d.recognised_on::text', 'recognised_on')
      .from('designation', 'd')
      .innerJoin('enterprise', 'e', 'e.id = d.enterprise_id')
      .where('d.chain_id = :chainId', { chainId })
      .andWhere(`${effectiveStatusSql('d')} IN (:...holding)`, { holding: [...HOLDING_STATUSES] })
      .setParameter('today', todayInChina())
      .orderBy('e.name', 'ASC');
    const rows: Record<string, unknown>[] = await applyEnterpriseScope(qb, 'e', actor).getRawMany();
    return rows.map((r) => ({
      type: r.type as DesignationType,
      holder: {
        designationId: r.id as string,
        enterpriseId: r.enterprise_id as string,
        enterpriseName: r.enterprise_name as string,
        level: r.level as DesignationLevel,
        levelLabel: DESIGNATION_LEVEL_LABELS[r.level as DesignationLevel],
        status: r.status as DesignationStatus,
        statusLabel: DESIGNATION_STATUS_LABELS[r.status as DesignationStatus],
        recognisedOn: (r.recognised_on as string) ?? null,
      },
    }));
  }
}
