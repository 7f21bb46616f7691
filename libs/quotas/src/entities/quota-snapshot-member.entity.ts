import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row of a frozen quarter's list (`quota_snapshot_list`), at its place in the report (`seq`: by name,
 * enterprise, detail when frozen): what the drill-down showed at the snapshot's as-of date. The credit code and
 * name are kept as they were when frozen: the registry keeps no dated names (former names carry no dates), so a
 * later rename must not reach the report. Written in the freeze's transaction by INSERT … SELECT, never changed.
 */
@Entity('quota_snapshot_member')
export class QuotaSnapshotMemberEntity {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_quota_snapshot_member' })
  listId: number;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_quota_snapshot_member' })
  seq: number;

  /** The enterprise (a carrier's operator); null for a carrier without one or a land block's case */
  @Column({ type: 'uuid', nullable: true })
  enterpriseId: string | null;

  @Column({ type: 'varchar', length: 18, nullable: true })
  creditCode: string | null;

  /** The enterprise's name when frozen (a land block's name for its case) */
  @Column({ type: 'text', nullable: true })
  name: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  districtCode: string | null;

  @Column({ type: 'text' })
  detail: string;

  @Column({ type: 'numeric', nullable: true })
  currentValue: string | null;

  @Column({ type: 'numeric', nullable: true })
  previousValue: string | null;
}
