import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import { CommunityRole } from '@app/core';

/** A membership spell: leaving sets leftOn, rejoining adds a new row, so history is kept. */
@Entity('community_member')
@Index('idx_community_member_community', ['communityId'])
@Index('idx_community_member_enterprise', ['enterpriseId'])
export class CommunityMemberEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  communityId: string;

  @Column({ type: 'uuid' })
  enterpriseId: string;

  @Column({ type: 'varchar', length: 30 })
  role: CommunityRole;

  @Column({ type: 'date' })
  joinedOn: string;

  @Column({ type: 'date', nullable: true })
  leftOn: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
