import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A line's target for one district or one chain (exactly one of the two is set). */
@Entity('quota_line_split')
@Index('uq_quota_line_split', ['lineId', 'districtCode', 'chainId'], { unique: true })
export class QuotaLineSplitEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  lineId: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  districtCode: string | null;

  @Column({ type: 'uuid', nullable: true })
  chainId: string | null;

  @Column({ type: 'numeric', precision: 20, scale: 4 })
  targetValue: string;
}
