import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** An enterprise placed on a signature chain, optionally at a segment. */
@Entity('chain_membership')
@Index('uq_chain_membership', ['enterpriseId', 'chainId'], { unique: true })
@Index('idx_chain_membership_chain', ['chainId', 'segmentId'])
export class ChainMembershipEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  enterpriseId: string;

  @Column({ type: 'uuid' })
  chainId: string;

  @Column({ type: 'uuid', nullable: true })
  segmentId: string | null;

  /** 主要产品 */
  @Column({ type: 'text', nullable: true })
  mainProducts: string | null;

  /** 重点企业 */
  @Column({ type: 'boolean', default: false })
  keyEnterprise: boolean;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
