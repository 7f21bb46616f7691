import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

import { ChainEntity } from './chain.entity';

export enum ChainStage {
  UPSTREAM = 'UPSTREAM',
  MIDSTREAM = 'MIDSTREAM',
  DOWNSTREAM = 'DOWNSTREAM',
}

export const CHAIN_STAGE_LABELS: Record<ChainStage, string> = { UPSTREAM: '上游', MIDSTREAM: '中游', DOWNSTREAM: '下游' };

/** A node in a chain's segment tree (环节), e.g. 稀土磁性材料 → 中游 → 烧结钕铁硼. */
@Entity('chain_segment')
@Index(['chainId', 'code'], { unique: true })
export class ChainSegmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  chainId: string;

  @ManyToOne(() => ChainEntity, { onDelete: 'CASCADE' })
  chain?: ChainEntity;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => ChainSegmentEntity, { onDelete: 'CASCADE', nullable: true })
  parent?: ChainSegmentEntity | null;

  @Column({ type: 'varchar', length: 50 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 12 })
  stage: ChainStage;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;

  /** Two clerks editing the tree at once: the second save answers 409 */
  @VersionColumn({ default: 1 })
  version: number;
}
