import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

import { DesignationLevel, DesignationStatus } from '@app/core';

/**
 * One tier or recognition of one enterprise or one carrier (exactly one of the two). `status` is the current state; every change of it is
 * a row in designation_event, whose `effective_on` dates let progress be computed as of any day.
 */
@Entity('designation')
@Index('idx_designation_enterprise', ['enterpriseId'])
@Index('idx_designation_type_status', ['type', 'status'])
@Index('idx_designation_carrier', ['carrierId'])
@Check('chk_designation_one_holder', '(enterprise_id IS NULL) <> (carrier_id IS NULL)')
export class DesignationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  // Partial unique indexes (migrations LiveDesignationRules, RecognitionCatalogue): one live designation per
  // enterprise/carrier+type+level+chain, and one live CHAIN_LEADER per enterprise+chain. Defined in SQL
  // because TypeORM cannot express NULLS NOT DISTINCT.
  @Index('uq_designation_live_key', { synchronize: false })
  @Index('uq_designation_live_chain_leader', { synchronize: false })
  @Column({ type: 'uuid', nullable: true })
  enterpriseId: string | null;

  /** The holder when it is a carrier (绿色园区, 工业互联网平台 …) */
  @Column({ type: 'uuid', nullable: true })
  carrierId: string | null;

  /** A recognition_type code (DesignationType for the coded ones) */
  @Column({ type: 'varchar', length: 30 })
  type: string;

  @Column({ type: 'varchar', length: 12 })
  level: DesignationLevel;

  /** Required for CHAIN_LEADER / CHAIN_CORE / CHAIN_BASE */
  @Column({ type: 'uuid', nullable: true })
  chainId: string | null;

  /** For a single champion recognised for a product (单项冠军产品) */
  @Column({ type: 'varchar', length: 200, nullable: true })
  productName: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  productCode: string | null;

  @Column({ type: 'varchar', length: 20 })
  status: DesignationStatus;

  /** 批次, e.g. "第四批" or "4" */
  @Column({ type: 'varchar', length: 50, nullable: true })
  batch: string | null;

  @Column({ type: 'smallint', nullable: true })
  year: number | null;

  /** 文号, e.g. 工信部企业〔2022〕63号 */
  @Column({ type: 'varchar', length: 100, nullable: true })
  noticeNo: string | null;

  /** 认定机构 */
  @Column({ type: 'varchar', length: 100, nullable: true })
  recognisingBody: string | null;

  @Column({ type: 'date', nullable: true })
  recognisedOn: string | null;

  @Index('idx_designation_expires_on', { synchronize: false })
  @Column({ type: 'date', nullable: true })
  expiresOn: string | null;

  @Column({ type: 'text', nullable: true })
  evidence: string | null;

  @Column({ type: 'uuid', nullable: true })
  taggedById: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  taggedByUsername: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
