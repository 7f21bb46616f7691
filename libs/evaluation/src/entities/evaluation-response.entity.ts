import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

import { EnterpriseEntity } from '@app/registry';

import { EvaluationClass, ObjectionStatus, ResponseKind } from '../evaluation-enums';

/** A firm's answer to its sheet: a confirmation, or an objection with evidence that staff decide. */
@Entity('evaluation_response')
@Index('idx_evaluation_response_year_enterprise', ['year', 'enterpriseId'])
// At most one undecided objection per firm and year (created by its migration: TypeORM would not compare the WHERE).
@Index('uq_evaluation_response_pending', { synchronize: false })
export class EvaluationResponseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'smallint' })
  year: number;

  @Column({ type: 'uuid' })
  enterpriseId: string;

  @ManyToOne(() => EnterpriseEntity, { onDelete: 'CASCADE' })
  enterprise?: EnterpriseEntity;

  @Column({ type: 'varchar', length: 10 })
  kind: ResponseKind;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** Evidence the firm names: documents, certificates, links */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  evidence: string[];

  /** The class the firm asks for, if any */
  @Column({ type: 'char', length: 1, nullable: true })
  requestedClass: EvaluationClass | null;

  @Column({ type: 'char', length: 1, nullable: true })
  classBefore: EvaluationClass | null;

  @Column({ type: 'varchar', length: 10 })
  status: ObjectionStatus;

  @Column({ type: 'char', length: 1, nullable: true })
  decidedClass: EvaluationClass | null;

  @Column({ type: 'text', nullable: true })
  decisionNote: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  decidedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'varchar', length: 100 })
  submittedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @VersionColumn()
  version: number;
}
