import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/**
 * One kind of recognition (认定类型) — 链主, 小巨人, 绿色工厂, 产业大脑 … — as reference data staff extend
 * without a release: its levels, its validity (which drives the default expiry), who holds it and when
 * it may be recorded. `designation.type` holds the code.
 */
@Entity('recognition_type')
export class RecognitionTypeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stable code, upper snake case, e.g. GREEN_FACTORY; never changes once used */
  @Column({ type: 'varchar', length: 30, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  /** Levels a recognition of this type may have (DesignationLevel codes) */
  @Column({ type: 'varchar', array: true })
  levels: string[];

  /** Years a recognition lasts before re-review; null: no expiry */
  @Column({ type: 'smallint', nullable: true })
  validityYears: number | null;

  /** 认定机构 */
  @Column({ type: 'varchar', length: 100, nullable: true })
  issuingBody: string | null;

  /** ENTERPRISE or CARRIER */
  @Column({ type: 'varchar', length: 12 })
  holderKind: string;

  /** For carrier-held types: the kind of carrier that holds it */
  @Column({ type: 'varchar', length: 30, nullable: true })
  carrierKind: string | null;

  /** Whether a recognition names a chain (the chain tiers) */
  @Column({ type: 'boolean', default: false })
  namesChain: boolean;

  /** Whether a recognition may name a product (单项冠军产品) */
  @Column({ type: 'boolean', default: false })
  namesProduct: boolean;

  /** First day a recognition of this type may take effect; null: always */
  @Column({ type: 'date', nullable: true })
  effectiveFrom: string | null;

  /** Last day; null: open */
  @Column({ type: 'date', nullable: true })
  effectiveTo: string | null;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
