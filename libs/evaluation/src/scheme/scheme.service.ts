import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { AuditService } from '@app/audit';
import { Actor, AppException } from '@app/core';

import { EvaluationRunEntity } from '../entities/evaluation-run.entity';
import { EvaluationSchemeEntity } from '../entities/evaluation-scheme.entity';
import { BenchmarkRule, EvaluationStatus, INDICATOR_LABELS, POPULATION_KIND_LABELS } from '../evaluation-enums';
import { frozen, schemeInvalid, schemeNotFound } from '../evaluation.errors';
import { PutSchemeDto, SchemeDto } from './scheme.dto';

/** The checks a DTO's decorators cannot make: no duplicates, FIXED needs its number, bands ascend to 1. */
export function checkScheme(dto: PutSchemeDto): void {
  const kinds = new Set<string>();
  dto.populations.forEach((p, i) => {
    if (kinds.has(p.kind)) throw schemeInvalid(`populations[${i}].kind`, `评价类别“${POPULATION_KIND_LABELS[p.kind]}”重复出现 (duplicate population)`);
    kinds.add(p.kind);
    const seen = new Set<string>();
    p.indicators.forEach((ind, j) => {
      const field = `populations[${i}].indicators[${j}]`;
      if (seen.has(ind.indicator)) throw schemeInvalid(`${field}.indicator`, `“${POPULATION_KIND_LABELS[p.kind]}”中指标“${INDICATOR_LABELS[ind.indicator]}”重复 (duplicate indicator)`);
      seen.add(ind.indicator);
      if (ind.benchmarkRule === BenchmarkRule.FIXED && !(Number(ind.benchmarkValue) > 0)) {
        throw schemeInvalid(`${field}.benchmarkValue`, `指标“${INDICATOR_LABELS[ind.indicator]}”使用固定基准值,请填写大于 0 的基准值 (FIXED needs benchmarkValue > 0)`);
      }
      if (ind.cap < ind.weight) throw schemeInvalid(`${field}.cap`, `指标“${INDICATOR_LABELS[ind.indicator]}”的封顶分 ${ind.cap} 低于权重 ${ind.weight} (cap below weight)`);
    });
  });
  const classes = new Set<string>();
  let last = 0;
  dto.classBands.forEach((b, i) => {
    if (classes.has(b.class)) throw schemeInvalid(`classBands[${i}].class`, `档次 ${b.class} 重复 (duplicate class)`);
    classes.add(b.class);
    if (b.upToShare <= last) throw schemeInvalid(`classBands[${i}].upToShare`, `档次应按排名比例从高到低排列,${b.class} 的比例 ${b.upToShare} 应大于上一档 ${last} (bands must ascend)`);
    last = b.upToShare;
  });
  if (last !== 1) throw schemeInvalid(`classBands[${dto.classBands.length - 1}].upToShare`, `最后一档的排名比例应为 1(即 100%),现为 ${last} (last band must be 1)`);
}

function toDto(s: EvaluationSchemeEntity, isFrozen: boolean): SchemeDto {
  return {
    year: s.year,
    name: s.name,
    smallLandThresholdMu: Number(s.smallLandThresholdMu),
    minFirmAgeYears: s.minFirmAgeYears,
    minLandInUseYears: s.minLandInUseYears,
    populations: s.populations,
    classBands: s.classBands,
    note: s.note,
    version: s.version,
    frozen: isFrozen,
  };
}

/** A year's scheme: read, and replaced as a whole by staff while the year's results are not frozen. */
@Injectable()
export class EvaluationSchemeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async find(manager: EntityManager, year: number): Promise<EvaluationSchemeEntity> {
    const scheme = await manager.findOne(EvaluationSchemeEntity, { where: { year } });
    if (!scheme) throw schemeNotFound(year);
    return scheme;
  }

  async get(year: number): Promise<SchemeDto> {
    const scheme = await this.find(this.dataSource.manager, year);
    const run = await this.dataSource.manager.findOne(EvaluationRunEntity, { where: { year } });
    return toDto(scheme, run?.status === EvaluationStatus.FROZEN);
  }

  async put(actor: Actor, year: number, dto: PutSchemeDto): Promise<SchemeDto> {
    checkScheme(dto);
    return this.dataSource.transaction(async (manager) => {
      // The run row is locked so a freeze cannot slip between this check and the write.
      const run = await manager.findOne(EvaluationRunEntity, { where: { year }, lock: { mode: 'pessimistic_write' } });
      if (run?.status === EvaluationStatus.FROZEN) throw frozen(year, '修改评价方案');
      const before = await manager.findOne(EvaluationSchemeEntity, { where: { year }, lock: { mode: 'pessimistic_write' } });
      if (before && dto.version === undefined) throw AppException.field('VALIDATION_FAILED', 'version', `${year} 年方案已存在,请带上读取时的版本号 version (version required)`);
      if (before && dto.version !== before.version) throw AppException.versionConflict('评价方案', dto.version!, before.version);
      const values = {
        name: dto.name,
        smallLandThresholdMu: dto.smallLandThresholdMu.toFixed(2),
        minFirmAgeYears: dto.minFirmAgeYears,
        minLandInUseYears: dto.minLandInUseYears,
        populations: dto.populations.map((p) => ({ kind: p.kind, indicators: p.indicators.map((i) => ({ ...i, benchmarkValue: i.benchmarkRule === BenchmarkRule.FIXED ? i.benchmarkValue : null })) })),
        classBands: dto.classBands.map((b) => ({ class: b.class, upToShare: b.upToShare })),
        note: dto.note ?? null,
      };
      let saved: EvaluationSchemeEntity;
      if (before) {
        await manager.update(EvaluationSchemeEntity, { id: before.id }, { ...values, version: before.version + 1 });
        saved = (await manager.findOne(EvaluationSchemeEntity, { where: { id: before.id } }))!;
      } else {
        saved = await manager.save(manager.create(EvaluationSchemeEntity, { year, ...values }));
      }
      await this.audit.record(manager, actor, { action: before ? 'evaluation_scheme.update' : 'evaluation_scheme.create', entityType: 'evaluation_scheme', entityId: saved.id, before: before ?? null, after: saved });
      return toDto(saved, false);
    });
  }
}
