import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** An enterprise placed on a signature chain, optionally at a segment, from `joinedOn` until `leftOn`. */
@Entity('chain_membership')
@Index('uq_chain_membership', ['enterpriseId', 'chainId'], { unique: true, where: '"left_on" IS NULL' })
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

  /** First day on the chain; null = since before memberships were dated (counts on every day) */
  @Column({ type: 'date', nullable: true })
  joinedOn: string | null;

  /** The day it left the chain (exclusive); null = still a member. A left membership is kept, never deleted */
  @Column({ type: 'date', nullable: true })
  leftOn: string | null;

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
