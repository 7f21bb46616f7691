import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A quarter's progress frozen as of its last day. Immutable: reports render from `payload` only. */
@Entity('quota_snapshot')
@Index('uq_quota_snapshot_quarter', ['planId', 'quarter'], { unique: true })
export class QuotaSnapshotEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  planId: string;

  @Column({ type: 'smallint' })
  year: number;

  @Column({ type: 'smallint' })
  quarter: number;

  @Column({ type: 'date' })
  asOf: string;

  /** The report as JSON text, kept byte for byte (jsonb would reorder keys) */
  @Column({ type: 'text' })
  payload: string;

  @Column({ type: 'uuid', nullable: true })
  frozenById: string | null;

  @Column({ type: 'varchar', length: 64 })
  frozenByUsername: string;

  @Column({ type: 'timestamptz' })
  frozenAt: Date;
}
