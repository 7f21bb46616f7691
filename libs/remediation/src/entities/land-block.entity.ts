import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/**
 * A land block (低效用地区块) as its own record. Its district is fixed once recorded: the district splits of the
 * LOW_EFFICIENCY_BLOCKS line read it, and a later edit must not move a past count to another district.
 */
@Entity('land_block')
@Index('idx_land_block_district', ['districtCode'])
export class LandBlockEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_land_block_name', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 12 })
  districtCode: string;

  /** Area in mu (亩) */
  @Column({ type: 'numeric', precision: 14, scale: 2 })
  areaMu: string;

  /** 坐落, e.g. 镇海区骆驼街道某路以东 */
  @Column({ type: 'varchar', length: 500 })
  location: string;

  /** WGS-84 longitude, when surveyed */
  @Column({ type: 'numeric', precision: 10, scale: 6, nullable: true })
  longitude: string | null;

  @Column({ type: 'numeric', precision: 10, scale: 6, nullable: true })
  latitude: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
