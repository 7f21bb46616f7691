import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

import { EvaluationStatus } from '../evaluation-enums';
import { EvaluationSchemeEntity } from './evaluation-scheme.entity';

/** Where a year's evaluation stands in its process, and the scheme it was computed with. */
@Entity('evaluation_run')
export class EvaluationRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_evaluation_run_year', { unique: true })
  @Column({ type: 'smallint' })
  year: number;

  @Column({ type: 'varchar', length: 20 })
  status: EvaluationStatus;

  /** The scheme as it was when last computed */
  @Column({ type: 'jsonb' })
  scheme: Partial<EvaluationSchemeEntity>;

  @Column({ type: 'timestamptz' })
  computedAt: Date;

  @Column({ type: 'varchar', length: 100 })
  computedBy: string;

  @Column({ type: 'int' })
  resultCount: number;

  @Column({ type: 'date', nullable: true })
  publicityStartsOn: string | null;

  @Column({ type: 'date', nullable: true })
  publicityEndsOn: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  frozenAt: Date | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  frozenBy: string | null;

  @VersionColumn()
  version: number;
}
