import { Column, Entity, Index, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

import { EnterpriseEntity } from '@app/registry';

import { EvaluationClass, ExclusionReason, PopulationKind } from '../evaluation-enums';

const num = (precision = 20, scale = 4) => ({ type: 'numeric' as const, precision, scale, nullable: true });

/**
 * One enterprise's result for a year ("一企一单"): the inputs as they were when computed, each
 * indicator's value and term, the total, the rank within its population and the class. Written only
 * by the set-based run (evaluation-sql.ts) and, for finalClass, by objection decisions. Partitioned
 * by year: the run builds a year's rows in a new table and swaps it in (migration EvaluationResultByYear).
 */
@Entity('evaluation_result')
@Index('uq_evaluation_result_year_enterprise', ['year', 'enterpriseId'], { unique: true })
@Index('idx_evaluation_result_year_class', ['year', 'finalClass'])
export class EvaluationResultEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Part of the key: the table is partitioned by year (one partition per computed year) */
  @PrimaryColumn({ type: 'smallint' })
  year: number;

  @Column({ type: 'uuid' })
  enterpriseId: string;

  /**
   * No foreign key: the yearly run writes 1,000,000 rows at once and a per-row key check (with its
   * row lock on each enterprise) dominated it. The run takes the ids from `enterprise` in the same
   * statement, and a statement-level trigger on enterprise deletes a removed firm's results (the
   * cascade). See migration EvaluationResultNoForeignKey.
   */
  @ManyToOne(() => EnterpriseEntity, { createForeignKeyConstraints: false })
  enterprise?: EnterpriseEntity;

  /** District when computed */
  @Column({ type: 'varchar', length: 20 })
  districtCode: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  population: PopulationKind | null;

  @Column(num(12, 2)) ownedMu: string | null;
  @Column(num(12, 2)) leasedMu: string | null;
  /** The land basis: owned + leased land of the year */
  @Column(num(12, 2)) landMu: string | null;

  @Column(num(20, 2)) evaluationTaxYuan: string | null;
  @Column(num(20, 2)) valueAddedYuan: string | null;
  @Column(num(16, 3)) energyTce: string | null;
  @Column(num(16, 3)) emissionsTonnes: string | null;
  @Column(num(18, 2)) electricityKwh: string | null;
  @Column(num(20, 2)) rdSpendYuan: string | null;
  @Column(num(20, 2)) mainRevenueYuan: string | null;
  @Column({ type: 'int', nullable: true }) averageEmployees: number | null;

  @Column(num()) taxPerMu: string | null;
  @Column(num()) valueAddedPerMu: string | null;
  @Column(num()) valueAddedPerEnergy: string | null;
  @Column(num()) valueAddedPerEmission: string | null;
  @Column(num()) labourProductivity: string | null;
  @Column(num()) rdShare: string | null;
  @Column(num()) taxPerElectricity: string | null;

  @Column(num(8, 2)) termTaxPerMu: string | null;
  @Column(num(8, 2)) termValueAddedPerMu: string | null;
  @Column(num(8, 2)) termValueAddedPerEnergy: string | null;
  @Column(num(8, 2)) termValueAddedPerEmission: string | null;
  @Column(num(8, 2)) termLabourProductivity: string | null;
  @Column(num(8, 2)) termRdShare: string | null;
  @Column(num(8, 2)) termTaxPerElectricity: string | null;

  @Column(num(8, 2)) score: string | null;
  @Column({ type: 'int', nullable: true }) rank: number | null;
  @Column({ type: 'int', nullable: true }) populationSize: number | null;

  @Column({ type: 'char', length: 1, nullable: true })
  computedClass: EvaluationClass | null;

  /** The class after objections; equals computedClass unless an objection was upheld */
  @Column({ type: 'char', length: 1, nullable: true })
  finalClass: EvaluationClass | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  exclusionReason: ExclusionReason | null;
}
