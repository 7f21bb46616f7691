import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

import { EnterpriseEntity } from '../entities/enterprise.entity';
import { ChangeRequestKind, ChangeRequestStatus } from './change-request-status';

/**
 * A liaison's proposed edit of an enterprise's profile or one period's figures, against the
 * version they read. Staff approve (applied in one transaction with a version check) or reject.
 */
@Entity('change_request')
@Index('idx_change_request_enterprise', ['enterpriseId', 'status'])
@Index('idx_change_request_status', ['status', 'createdAt'])
@Index('idx_change_request_submitter', ['submittedById', 'createdAt'])
export class ChangeRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  enterpriseId: string;

  @ManyToOne(() => EnterpriseEntity, { onDelete: 'CASCADE' })
  enterprise?: EnterpriseEntity;

  @Column({ type: 'varchar', length: 10 })
  kind: ChangeRequestKind;

  @Column({ type: 'varchar', length: 10 })
  status: ChangeRequestStatus;

  /** FIGURES: the period; quarter 0 is the whole year */
  @Column({ type: 'smallint', nullable: true })
  year: number | null;

  @Column({ type: 'smallint', nullable: true })
  quarter: number | null;

  /** Version the proposal is based on: the enterprise's (PROFILE) or the period's figures (FIGURES; null when none existed) */
  @Column({ type: 'int', nullable: true })
  baseVersion: number | null;

  /** Proposed values awaiting review, field → new value */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  changes: Record<string, unknown>;

  /** Values at the base version for every field touched, field → old value */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  previous: Record<string, unknown>;

  /** Low-risk fields applied at submission, field → new value */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  appliedAtOnce: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid', nullable: true })
  submittedById: string | null;

  @Column({ type: 'varchar', length: 64 })
  submittedByUsername: string;

  @Column({ type: 'uuid', nullable: true })
  reviewedById: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  reviewedByUsername: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  /** Reviewer's reason (required on rejection) */
  @Column({ type: 'text', nullable: true })
  decisionReason: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
