import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

import { BenchmarkRule, EvaluationClass, IndicatorKind, PopulationKind } from '../evaluation-enums';

export interface SchemeIndicator {
  indicator: IndicatorKind;
  weight: number;
  /** Most points the term may give */
  cap: number;
  benchmarkRule: BenchmarkRule;
  /** Only for FIXED, in the indicator's unit */
  benchmarkValue?: number | null;
}

export interface SchemePopulation {
  kind: PopulationKind;
  indicators: SchemeIndicator[];
}

/** A class holds ranks whose share of the population (rank ÷ size) is at most upToShare; the last band is 1. */
export interface SchemeClassBand {
  class: EvaluationClass;
  upToShare: number;
}

/** The evaluation scheme of one year, as data staff edit until that year's results are frozen. */
@Entity('evaluation_scheme')
export class EvaluationSchemeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_evaluation_scheme_year', { unique: true })
  @Column({ type: 'smallint' })
  year: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** 规下 firms with at least this much owned land form their own population */
  @Column({ type: 'numeric', precision: 8, scale: 2 })
  smallLandThresholdMu: string;

  /** Firms founded fewer years before the end of the year are not evaluated */
  @Column({ type: 'smallint' })
  minFirmAgeYears: number;

  /** Land first used fewer years before the end of the year is not evaluated */
  @Column({ type: 'smallint' })
  minLandInUseYears: number;

  @Column({ type: 'jsonb' })
  populations: SchemePopulation[];

  @Column({ type: 'jsonb' })
  classBands: SchemeClassBand[];

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
