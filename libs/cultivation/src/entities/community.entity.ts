import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

import { CommunityStatus } from '@app/core';

/** 产业链上下游企业共同体: led by a chain leader of the same chain. */
@Entity('community')
@Index('idx_community_chain', ['chainId'])
export class CommunityEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'uuid' })
  chainId: string;

  @Column({ type: 'uuid' })
  leadEnterpriseId: string;

  @Column({ type: 'varchar', length: 12 })
  status: CommunityStatus;

  @Column({ type: 'date', nullable: true })
  plannedOn: string | null;

  /** 组建日期: counts toward "communities formed in the year" */
  @Column({ type: 'date', nullable: true })
  formedOn: string | null;

  @Column({ type: 'date', nullable: true })
  dissolvedOn: string | null;

  @Column({ type: 'text', default: '' })
  description: string;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
