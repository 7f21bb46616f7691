import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

import { EnterpriseEntity } from '@app/registry';

import { LandTenure } from '../evaluation-enums';

/** Land an enterprise uses in a year, owned or leased, as verified for the 亩均 evaluation (one row per tenure). */
@Entity('land_use')
@Index('uq_land_use_enterprise_year_tenure', ['enterpriseId', 'year', 'tenure'], { unique: true })
@Index('idx_land_use_year', ['year'])
export class LandUseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  enterpriseId: string;

  @ManyToOne(() => EnterpriseEntity, { onDelete: 'CASCADE' })
  enterprise?: EnterpriseEntity;

  @Column({ type: 'smallint' })
  year: number;

  @Column({ type: 'varchar', length: 10 })
  tenure: LandTenure;

  /** 亩 */
  @Column({ type: 'numeric', precision: 12, scale: 2 })
  areaMu: string;

  /** When the land was first put to use; land in use for fewer years than the scheme says is not evaluated */
  @Column({ type: 'date', nullable: true })
  inUseSince: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  verifiedBy: string | null;

  @Column({ type: 'date', nullable: true })
  verifiedOn: string | null;

  /** e.g. 不动产登记, 租赁合同, 国土调查 */
  @Column({ type: 'varchar', length: 100, nullable: true })
  source: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
