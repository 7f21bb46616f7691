import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** One of the signature industrial chains (标志性产业链); data that staff edit, not code. */
@Entity('chain')
export class ChainEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 50, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** 牵头单位 */
  @Column({ type: 'varchar', length: 200, nullable: true })
  leadUnit: string | null;

  /** 促进机构 */
  @Column({ type: 'varchar', length: 200, nullable: true })
  promotionAgency: string | null;

  /** True while the chain's place on the official list is not confirmed */
  @Column({ type: 'boolean', default: false })
  provisional: boolean;

  @Column({ type: 'varchar', length: 200, default: '' })
  confirmedBy: string;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
