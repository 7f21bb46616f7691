import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

import { RemediationCategory, RemediationOutcome, RemediationSourceKind, RemediationStatus } from '../remediation-enums';

/**
 * A remediation case (整治提升) of one enterprise or one land block. `status`, `outcome` and `closedOn` are the
 * current state; every change of status is a row in remediation_case_event, whose dates give the state on any day.
 * Subject and category never change after creation (the quota lines count by them).
 */
@Entity('remediation_case')
@Index('idx_remediation_case_category_status', ['category', 'status'])
export class RemediationCaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  // Partial unique indexes (migration Remediation): one open case per subject and category.
  @Index('uq_remediation_case_open_enterprise', { synchronize: false })
  @Index('idx_remediation_case_enterprise', ['enterpriseId'])
  @Column({ type: 'uuid', nullable: true })
  enterpriseId: string | null;

  @Index('uq_remediation_case_open_block', { synchronize: false })
  @Index('idx_remediation_case_block', ['blockId'])
  @Column({ type: 'uuid', nullable: true })
  blockId: string | null;

  @Column({ type: 'varchar', length: 30 })
  category: RemediationCategory;

  @Column({ type: 'varchar', length: 30 })
  sourceKind: RemediationSourceKind;

  /** The year of the source, e.g. 2022 for "2022 年亩均评价 D 类" */
  @Column({ type: 'smallint', nullable: true })
  sourceYear: number | null;

  /** 来源说明, free text */
  @Column({ type: 'varchar', length: 500, nullable: true })
  sourceNote: string | null;

  /** 整治方案 */
  @Column({ type: 'text', nullable: true })
  plan: string | null;

  /** 整治措施 */
  @Column({ type: 'text', nullable: true })
  measures: string | null;

  /** 责任单位 */
  @Column({ type: 'varchar', length: 200 })
  responsibleUnit: string;

  /** 整治期限 */
  @Column({ type: 'date' })
  deadline: string;

  /** 立案日期: the first event's date */
  @Column({ type: 'date' })
  openedOn: string;

  @Column({ type: 'varchar', length: 20 })
  status: RemediationStatus;

  @Column({ type: 'varchar', length: 20, nullable: true })
  outcome: RemediationOutcome | null;

  @Column({ type: 'date', nullable: true })
  closedOn: string | null;

  /** 销号佐证材料 */
  @Column({ type: 'text', nullable: true })
  evidence: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
