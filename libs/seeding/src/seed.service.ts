import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';

import { AuditService } from '@app/audit';
import { SYSTEM_ACTOR } from '@app/core';
import { EvaluationRunService } from '@app/evaluation';
import { ChainEntity, ChainSegmentEntity, ChainStage, DistrictEntity, IndustryEntity } from '@app/reference';
import { EnterpriseEntity, EnterpriseFigureEntity, EnterpriseStatus } from '@app/registry';

import { seedDemoCultivation } from './demo-cultivation/demo-cultivation.seeder';
import { seedEvaluationSchemes } from './evaluation-scheme-seed';
import { seedDemoProjects } from './demo-projects';
import { seedDemoRecognitions } from './demo-cultivation/demo-recognitions.seeder';
import { seedDemoRemediation } from './demo-remediation.seeder';
import { seedDemoEvaluation } from './demo-evaluation.seeder';
import { seedQuotaPlans } from './quota-plan-seed';
import { readSeed, SeedChain, SeedEnterprise, SeedSegment } from './seed-files';

export interface SeedCounts {
  districts: number;
  industries: number;
  chainsAdded: number;
  segmentsAdded: number;
  enterprisesAdded: number;
  figuresAdded: number;
  membershipsAdded: number;
  designationsAdded: number;
  communitiesAdded: number;
  quotaLinesAdded?: number;
  evaluationSchemesAdded?: number;
  projectsAdded?: number;
  landBlocksAdded?: number;
  remediationCasesAdded?: number;
  evaluationLandRowsAdded?: number;
  evaluationFigureRowsAdded?: number;
  evaluationResultsComputed?: number;
}

/**
 * Loads reference and demo data idempotently. Districts and industries follow the files; chains
 * and enterprises are only added when missing, so staff edits made since are never overwritten.
 */
@Injectable()
export class SeedService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly evaluationRuns: EvaluationRunService,
  ) {}

  async seed(options: { demo: boolean; onProgress?: (message: string) => void }): Promise<SeedCounts> {
    const say = options.onProgress ?? (() => undefined);
    return this.dataSource.transaction(async (manager) => {
      // One seeding at a time, even with several app instances starting together.
      await manager.query('SELECT pg_advisory_xact_lock(727001)');
      const counts: SeedCounts = { districts: 0, industries: 0, chainsAdded: 0, segmentsAdded: 0, enterprisesAdded: 0, figuresAdded: 0, membershipsAdded: 0, designationsAdded: 0, communitiesAdded: 0 };
      counts.districts = await this.upsert(manager, DistrictEntity, readSeed<DistrictEntity[]>('reference/districts.json'));
      counts.industries = await this.upsert(manager, IndustryEntity, readSeed<IndustryEntity[]>('reference/industries.json'));
      say(`reference: ${counts.districts} districts/zones, ${counts.industries} industry codes`);
      await this.seedChains(manager, counts);
      say(`chains: ${counts.chainsAdded} added, ${counts.segmentsAdded} segments added`);
      counts.quotaLinesAdded = await seedQuotaPlans(manager, this.audit);
      say(`quota plans: ${counts.quotaLinesAdded} lines added`);
      counts.evaluationSchemesAdded = await seedEvaluationSchemes(manager);
      if (options.demo) {
        await this.seedDemoEnterprises(manager, counts, say);
        say(`demo: ${counts.enterprisesAdded} enterprises added, ${counts.figuresAdded} figure rows`);
        Object.assign(counts, await seedDemoCultivation(manager));
        say(`demo: ${counts.membershipsAdded} chain memberships, ${counts.designationsAdded} designations, ${counts.communitiesAdded} communities added`);
        counts.projectsAdded = await seedDemoProjects(manager);
        say(`demo: ${counts.projectsAdded} investment projects added`);
        const recognitions = await seedDemoRecognitions(manager);
        counts.designationsAdded += recognitions.recognitionsAdded;
        say(`demo: ${recognitions.carriersAdded} carriers, ${recognitions.recognitionsAdded} factory, green and platform recognitions added`);
        Object.assign(counts, await seedDemoRemediation(manager));
        say(`demo: ${counts.landBlocksAdded} land blocks, ${counts.remediationCasesAdded} remediation cases added`);
        Object.assign(counts, await seedDemoEvaluation(manager, this.evaluationRuns));
        say(`demo: ${counts.evaluationLandRowsAdded} land use rows, ${counts.evaluationFigureRowsAdded} evaluation figure rows added, ${counts.evaluationResultsComputed} evaluation results computed`);
      }
      const added = [counts.chainsAdded, counts.enterprisesAdded, counts.membershipsAdded, counts.designationsAdded, counts.communitiesAdded, counts.quotaLinesAdded, counts.evaluationSchemesAdded, counts.projectsAdded, counts.landBlocksAdded, counts.remediationCasesAdded, counts.evaluationLandRowsAdded, counts.evaluationFigureRowsAdded, counts.evaluationResultsComputed];
      if (added.some(Boolean)) {
        await this.audit.record(manager, SYSTEM_ACTOR, { action: 'seed.load', entityType: 'seed', after: { ...counts } });
      }
      return counts;
    });
  }

  /**
   * Makes the table follow the file: rows missing or differing in any field the file gives are upserted,
   * the rest are left alone, so a start with nothing to change writes nothing (one read, no row versions).
   */
  private async upsert<T extends object>(manager: EntityManager, entity: new () => T, rows: T[]): Promise<number> {
    const stored = new Map((await manager.find(entity)).map((row) => [(row as { code: string }).code, row as Record<string, unknown>]));
    const changed = rows.filter((row) => {
      const current = stored.get((row as { code: string }).code);
      return !current || Object.entries(row).some(([key, value]) => JSON.stringify(current[key]) !== JSON.stringify(value));
    });
    for (let i = 0; i < changed.length; i += 500) {
      await manager.upsert(entity, changed.slice(i, i + 500) as never, ['code']);
    }
    return rows.length;
  }

  /** Adds the chains and segments the files name that are missing (two reads when none is). */
  private async seedChains(manager: EntityManager, counts: SeedCounts): Promise<void> {
    const seeds = readSeed<SeedChain[]>('reference/chains.json');
    const chains = new Map((await manager.findBy(ChainEntity, { code: In(seeds.map((s) => s.code)) })).map((c) => [c.code, c]));
    const segmentIds = new Map<string, string>();
    if (chains.size) {
      const segments = await manager.find(ChainSegmentEntity, { where: { chainId: In([...chains.values()].map((c) => c.id)) }, select: { id: true, chainId: true, code: true } });
      for (const s of segments) segmentIds.set(`${s.chainId} ${s.code}`, s.id);
    }
    for (const seed of seeds) {
      let chain = chains.get(seed.code);
      if (!chain) {
        chain = await manager.save(
          manager.create(ChainEntity, {
            code: seed.code,
            name: seed.name,
            description: seed.description,
            provisional: seed.provisional,
            confirmedBy: seed.confirmedBy ?? '',
            sortOrder: seed.order,
            leadUnit: seed.leadUnit,
            promotionAgency: seed.promotionAgency,
          }),
        );
        counts.chainsAdded++;
      }
      const chainId = chain.id;
      const add = async (segments: SeedSegment[], parentId: string | null) => {
        for (const [index, segment] of segments.entries()) {
          let id = segmentIds.get(`${chainId} ${segment.code}`);
          if (!id) {
            const saved = await manager.save(
              manager.create(ChainSegmentEntity, {
                chainId,
                parentId,
                code: segment.code,
                name: segment.name,
                stage: segment.stage as ChainStage,
                sortOrder: index,
              }),
            );
            id = saved.id;
            counts.segmentsAdded++;
          }
          if (segment.children?.length) await add(segment.children, id);
        }
      };
      await add(seed.segments, null);
    }
  }

  private async seedDemoEnterprises(manager: EntityManager, counts: SeedCounts, say: (m: string) => void): Promise<void> {
    const seeds = readSeed<SeedEnterprise[]>('demo/enterprises.json');
    const sections = new Map((await manager.find(IndustryEntity)).map((i) => [i.code, i.parentCode ?? i.code]));
    const existing = new Set(
      (await manager.find(EnterpriseEntity, { where: { creditCode: In(seeds.map((s) => s.creditCode)) }, select: { creditCode: true } })).map(
        (e) => e.creditCode,
      ),
    );
    const fresh = seeds.filter((s) => !existing.has(s.creditCode));
    for (let i = 0; i < fresh.length; i += 100) {
      const batch = fresh.slice(i, i + 100);
      const inserted = await manager.insert(
        EnterpriseEntity,
        batch.map(({ chainCodes: _c, figures: _f, ...s }) => ({
          ...s,
          status: s.status as EnterpriseStatus,
          industrySection: sections.get(/^[A-T]$/.test(s.industryCode) ? s.industryCode : s.industryCode.slice(0, 2)) ?? 'C',
        })),
      );
      const figures = batch.flatMap((s, index) =>
        s.figures.map((f) => ({ ...f, enterpriseId: inserted.identifiers[index].id as string, quarter: 0 })),
      );
      if (figures.length) await manager.insert(EnterpriseFigureEntity, figures);
      counts.enterprisesAdded += batch.length;
      counts.figuresAdded += figures.length;
      say(`demo enterprises: ${counts.enterprisesAdded}/${fresh.length}`);
    }
  }
}
