import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One list of a frozen quarter: the rows behind a line (or, for a growth line, the holders listed apart for
 * lacking a figure). Its small id keys the list's chunks of rows in `quota_snapshot_chunk`.
 */
@Entity('quota_snapshot_list')
@Index('uq_quota_snapshot_list', ['snapshotId', 'lineCode', 'lacking'], { unique: true })
export class QuotaSnapshotListEntity {
  @PrimaryGeneratedColumn('increment', { type: 'integer', primaryKeyConstraintName: 'pk_quota_snapshot_list' })
  id: number;

  @Column({ type: 'uuid' })
  snapshotId: string;

  @Column({ type: 'varchar', length: 60 })
  lineCode: string;

  /** A growth line's holders left out of the rate for lacking a figure */
  @Column({ type: 'boolean' })
  lacking: boolean;
}
