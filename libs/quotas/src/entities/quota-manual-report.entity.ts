import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A value staff report for a MANUAL line, as of a date, with its evidence. Never updated: a correction is a new report. */
@Entity('quota_manual_report')
@Index('idx_quota_manual_report_line', ['lineId', 'reportedOn'])
export class QuotaManualReportEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  lineId: string;

  /** The cumulative value reached in the plan year as of reportedOn */
  @Column({ type: 'numeric', precision: 20, scale: 4 })
  value: string;

  @Column({ type: 'date' })
  reportedOn: string;

  @Column({ type: 'text' })
  evidence: string;

  /** Set when the value is one district's (or one chain's) part; null for the city total */
  @Column({ type: 'varchar', length: 20, nullable: true })
  districtCode: string | null;

  @Column({ type: 'uuid', nullable: true })
  chainId: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 64 })
  actorUsername: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
