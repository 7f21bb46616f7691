import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import { DesignationStatus } from '@app/core';

/** A status change of a designation: kept forever, never updated. The first event has fromStatus null. */
@Entity('designation_event')
@Index('idx_designation_event_designation', ['designationId', 'effectiveOn'])
export class DesignationEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  designationId: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  fromStatus: DesignationStatus | null;

  @Column({ type: 'varchar', length: 20 })
  toStatus: DesignationStatus;

  /** The day the change takes effect (e.g. the recognition or revocation date), for as-of queries */
  @Column({ type: 'date' })
  effectiveOn: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  actorUsername: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
