import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only record of every change: who, what, before and after, in the change's transaction. */
@Entity('audit_log')
@Index('idx_audit_entity', ['entityType', 'entityId'])
@Index('idx_audit_at', ['at'])
@Index('idx_audit_enterprise', ['enterpriseId', 'at'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  actorUsername: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  actorRole: string | null;

  @Column({ type: 'varchar', length: 60 })
  action: string;

  @Column({ type: 'varchar', length: 60 })
  entityType: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  entityId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  requestId: string | null;

  /** The enterprise the row is about (its own row, its figures, change requests, designations …): scopes audit reads and builds its history */
  @Column({ type: 'uuid', nullable: true })
  enterpriseId: string | null;
}
