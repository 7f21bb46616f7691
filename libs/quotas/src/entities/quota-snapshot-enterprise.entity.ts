import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An enterprise listed in a frozen quarter, with its credit code and name as they were when it was frozen:
 * the registry keeps no dated names (former names carry no dates), so a later rename must not reach the report.
 */
@Entity('quota_snapshot_enterprise')
export class QuotaSnapshotEnterpriseEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_quota_snapshot_enterprise' })
  snapshotId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_quota_snapshot_enterprise' })
  enterpriseId: string;

  @Column({ type: 'varchar', length: 18 })
  creditCode: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;
}
