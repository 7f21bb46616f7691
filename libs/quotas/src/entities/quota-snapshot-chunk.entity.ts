import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Up to 1,000 consecutive rows of a frozen quarter's list (`quota_snapshot_list`), column by column: row i of the
 * chunk is element i of every array, in report order (name, enterprise, detail when frozen). What the drill-down
 * showed at the snapshot's as-of date, with the credit code and name as they were when frozen: the registry keeps
 * no dated names (former names carry no dates), so a later rename must not reach the report. Arrays of 1,000 are
 * stored compressed (TOAST), so the rows take less room than one per table row. Written in the freeze's
 * transaction by INSERT … SELECT, never changed.
 */
@Entity('quota_snapshot_chunk')
export class QuotaSnapshotChunkEntity {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_quota_snapshot_chunk' })
  listId: number;

  /** 0, 1, 2 …: rows 1,000 × chunk + 1 … of the list */
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_quota_snapshot_chunk' })
  chunk: number;

  /** The enterprise (a carrier's operator); null for a carrier without one or a land block's case */
  @Column({ type: 'uuid', array: true })
  enterpriseIds: (string | null)[];

  @Column({ type: 'text', array: true })
  creditCodes: (string | null)[];

  /** The enterprise's name when frozen (a land block's name for its case) */
  @Column({ type: 'text', array: true })
  names: (string | null)[];

  @Column({ type: 'text', array: true })
  districtCodes: (string | null)[];

  @Column({ type: 'text', array: true })
  details: string[];

  @Column({ type: 'numeric', array: true })
  currentValues: (string | null)[];

  @Column({ type: 'numeric', array: true })
  previousValues: (string | null)[];
}
