import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

import { MeasureKind, QuotaDirection } from '../quota-enums';
import type { MeasureParams } from '../quota-enums';

/** One target of a plan and how its actual value is measured. */
@Entity('quota_line')
@Index('uq_quota_line_code', ['planId', 'code'], { unique: true })
export class QuotaLineEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  planId: string;

  /** Stable code within the plan, e.g. CHAIN_LEADER_HELD */
  @Column({ type: 'varchar', length: 60 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  label: string;

  /** 家 / 个 / 项 / % / 亿元 … */
  @Column({ type: 'varchar', length: 20 })
  unit: string;

  /** 链式培育 / 企业梯队 / 数字化 / 绿色 / 投资 / 亩均效益: one chart per group in the report */
  @Column({ type: 'varchar', length: 40 })
  lineGroup: string;

  @Column({ type: 'numeric', precision: 20, scale: 4 })
  targetValue: string;

  @Column({ type: 'varchar', length: 10, default: QuotaDirection.AT_LEAST })
  direction: QuotaDirection;

  @Column({ type: 'varchar', length: 30 })
  measureKind: MeasureKind;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  measureParams: MeasureParams;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;

  @Column({ type: 'text', default: '' })
  note: string;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
