import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

import { EnterpriseEntity } from './enterprise.entity';

/** Reported figures for one enterprise and period; quarter 0 means the whole year. Money in yuan. */
@Entity('enterprise_figure')
@Index('uq_enterprise_figure_period', ['enterpriseId', 'year', 'quarter'], { unique: true })
@Index('idx_enterprise_figure_year', ['year', 'quarter'])
@Index('idx_enterprise_figure_year_revenue', ['year', 'quarter', 'operatingRevenueYuan'])
export class EnterpriseFigureEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  enterpriseId: string;

  @ManyToOne(() => EnterpriseEntity, { onDelete: 'CASCADE' })
  enterprise?: EnterpriseEntity;

  @Column({ type: 'smallint' })
  year: number;

  @Column({ type: 'smallint', default: 0 })
  quarter: number;

  @Column({ type: 'numeric', precision: 20, scale: 2, nullable: true })
  operatingRevenueYuan: string | null;

  @Column({ type: 'numeric', precision: 20, scale: 2, nullable: true })
  industrialOutputYuan: string | null;

  @Column({ type: 'numeric', precision: 20, scale: 2, nullable: true })
  taxPaidYuan: string | null;

  @Column({ type: 'numeric', precision: 20, scale: 2, nullable: true })
  rdSpendYuan: string | null;

  @Column({ type: 'numeric', precision: 20, scale: 2, nullable: true })
  valueAddedYuan: string | null;

  @Column({ type: 'int', nullable: true })
  employees: number | null;

  /** Tonnes of standard coal equivalent (吨标准煤) */
  @Column({ type: 'numeric', precision: 16, scale: 3, nullable: true })
  energyUseTce: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
