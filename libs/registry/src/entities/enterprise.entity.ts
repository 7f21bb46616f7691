import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

import { EnterpriseStatus } from './enterprise-status';

/** An enterprise in the registry, keyed by its 统一社会信用代码. Never hard-deleted: archived. */
@Entity('enterprise')
@Index('idx_enterprise_district', ['districtCode'])
@Index('idx_enterprise_name', ['name'])
// Partial (live rows) and created by its migration: TypeORM would not compare the WHERE.
@Index('idx_enterprise_live_district_status_name', { synchronize: false })
// Partial (archived rows), by migration TaxPerMu: counts over live enterprises check the archived ones apart.
@Index('idx_enterprise_archived', { synchronize: false })
@Index('idx_enterprise_live_name', { synchronize: false })
@Index('idx_enterprise_live_district_name', { synchronize: false })
export class EnterpriseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_enterprise_credit_code', { unique: true })
  @Index('idx_enterprise_credit_code_trgm', { synchronize: false })
  @Column({ type: 'varchar', length: 18 })
  creditCode: string;

  /** Set when a legacy code that fails the GB 32100 check was registered on purpose */
  @Column({ type: 'text', nullable: true })
  creditCodeOverrideReason: string | null;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  shortName: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  formerNames: string[];

  @Column({ type: 'varchar', length: 20 })
  districtCode: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  functionalZoneCode: string | null;

  /** GB/T 4754-2017 code at the most specific level known */
  @Index('idx_enterprise_industry_code', { synchronize: false })
  @Column({ type: 'varchar', length: 4 })
  industryCode: string;

  /** Section letter derived from industryCode, so section filters need no lookup */
  @Column({ type: 'char', length: 1 })
  industrySection: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  legalRepresentative: string | null;

  @Column({ type: 'date', nullable: true })
  foundedOn: string | null;

  @Column({ type: 'numeric', precision: 20, scale: 2, nullable: true })
  registeredCapitalYuan: string | null;

  @Column({ type: 'varchar', length: 20, default: EnterpriseStatus.ACTIVE })
  status: EnterpriseStatus;

  /** 规上工业企业 */
  @Column({ type: 'boolean', default: false })
  aboveScale: boolean;

  @Column({ type: 'varchar', length: 20, nullable: true })
  stockCode: string | null;

  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true })
  landAreaMu: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  contactPerson: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  contactPhone: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  contactEmail: string | null;

  @Column({ type: 'boolean', default: false })
  archived: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  /** Unigrams and bigrams of all names, so two-character Chinese queries hit a GIN index (see the Init migration) */
  @Index('idx_enterprise_search', { synchronize: false })
  @Column({
    type: 'tsvector',
    nullable: true,
    select: false,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression: 'cr_name_tokens(name, short_name, former_names)',
  })
  searchVector?: string;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
