import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

import { EnterpriseEntity } from '@app/registry';

/**
 * Yearly figures only the 亩均 evaluation uses. Value added, R&D spend and energy (吨标准煤) are read
 * from the registry's enterprise_figure (quarter 0), so they are not repeated here. Money in yuan.
 */
@Entity('evaluation_figure')
@Index('uq_evaluation_figure_enterprise_year', ['enterpriseId', 'year'], { unique: true })
@Index('idx_evaluation_figure_year', ['year'])
export class EvaluationFigureEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  enterpriseId: string;

  @ManyToOne(() => EnterpriseEntity, { onDelete: 'CASCADE' })
  enterprise?: EnterpriseEntity;

  @Column({ type: 'smallint' })
  year: number;

  /** 评价税收 (tax counted for the evaluation), yuan */
  @Column({ type: 'numeric', precision: 20, scale: 2, nullable: true })
  evaluationTaxYuan: string | null;

  /** 用电量, kWh */
  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  electricityKwh: string | null;

  /** 主要污染物排放当量, tonnes */
  @Column({ type: 'numeric', precision: 16, scale: 3, nullable: true })
  emissionsTonnes: string | null;

  /** 主营业务收入, yuan */
  @Column({ type: 'numeric', precision: 20, scale: 2, nullable: true })
  mainRevenueYuan: string | null;

  /** 年平均职工人数 */
  @Column({ type: 'int', nullable: true })
  averageEmployees: number | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
