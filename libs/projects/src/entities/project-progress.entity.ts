import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

import { ProgressReviewStatus } from '../project-enums';

/**
 * A monthly progress report: the cumulative completed investment at the end of `month`. Staff entries are
 * APPROVED at once; a liaison's is PENDING until staff approve or reject it. A correction is a new row
 * (later reportedOn). It counts from `effectiveOn`: the reported day for a staff entry, the approval day for a
 * liaison's — so approving an old report never changes a number already shown for an earlier day. The value
 * as of D is the approved row of the latest month ≤ D's month with effectiveOn ≤ D.
 */
@Entity('project_progress')
@Index('idx_project_progress_project', ['projectId', 'month'])
export class ProjectProgressEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  projectId: string;

  /** YYYY-MM */
  @Column({ type: 'char', length: 7 })
  month: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  cumulativeYuan: string;

  /** The day the figure was reported (not after today, not before the month began) */
  @Column({ type: 'date' })
  reportedOn: string;

  /** Set when approved: from this day on the figure counts */
  @Column({ type: 'date', nullable: true })
  effectiveOn: string | null;

  @Column({ type: 'varchar', length: 10 })
  status: ProgressReviewStatus;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  reportedByUsername: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  reviewedByUsername: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  decisionReason: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
