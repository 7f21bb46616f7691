import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import { RemediationOutcome, RemediationStatus } from '../remediation-enums';

/** A status change of a case: kept forever, never updated. The first event (fromStatus null) opens the case. */
@Entity('remediation_case_event')
@Index('idx_remediation_case_event_case', ['caseId', 'effectiveOn'])
export class RemediationCaseEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  fromStatus: RemediationStatus | null;

  @Column({ type: 'varchar', length: 20 })
  toStatus: RemediationStatus;

  /** The day the change takes effect (closing date for CLOSED), for as-of counts */
  @Column({ type: 'date' })
  effectiveOn: string;

  /** The outcome recorded with a closing */
  @Column({ type: 'varchar', length: 20, nullable: true })
  outcome: RemediationOutcome | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  actorUsername: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
