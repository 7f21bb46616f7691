import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row behind a line of a frozen quarter, in report order (`seq`): what the drill-down showed at the
 * snapshot's as-of date. An enterprise's credit code and name are kept once per snapshot in
 * `quota_snapshot_enterprise`; `name` here is only for a row without an enterprise (a land block's case).
 * Written in the freeze's transaction by INSERT … SELECT and never changed.
 */
@Entity('quota_snapshot_member')
export class QuotaSnapshotMemberEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_quota_snapshot_member' })
  snapshotId: string;

  @PrimaryColumn({ type: 'varchar', length: 60, primaryKeyConstraintName: 'pk_quota_snapshot_member' })
  lineCode: string;

  /** A growth line's holders left out of the rate for lacking a figure (listed apart) */
  @PrimaryColumn({ type: 'boolean', primaryKeyConstraintName: 'pk_quota_snapshot_member' })
  lacking: boolean;

  /** Position in the line's list: by name, enterprise, detail as of freezing */
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_quota_snapshot_member' })
  seq: number;

  @Column({ type: 'uuid', nullable: true })
  enterpriseId: string | null;

  /** The row's name when it has no enterprise; otherwise null (see quota_snapshot_enterprise) */
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
