import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import { IndicatorKind, PopulationKind } from '../evaluation-enums';

/** The benchmark each term of a population was divided by in a year's run. */
@Entity('evaluation_benchmark')
@Index('uq_evaluation_benchmark', ['year', 'population', 'indicator'], { unique: true })
export class EvaluationBenchmarkEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'smallint' })
  year: number;

  @Column({ type: 'varchar', length: 30 })
  population: PopulationKind;

  @Column({ type: 'varchar', length: 40 })
  indicator: IndicatorKind;

  @Column({ type: 'numeric', nullable: true })
  value: string | null;

  /** Evaluated firms of the population */
  @Column({ type: 'int' })
  firmCount: number;
}
