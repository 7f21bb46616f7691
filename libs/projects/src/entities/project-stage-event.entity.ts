import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import { ProjectStage } from '../project-enums';

/** A stage change of a project, kept forever; the stage on day D is the last event effective on or before D. */
@Entity('project_stage_event')
@Index('idx_project_stage_event_project', ['projectId', 'effectiveOn'])
export class ProjectStageEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  projectId: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  fromStage: ProjectStage | null;

  @Column({ type: 'varchar', length: 20 })
  toStage: ProjectStage;

  @Column({ type: 'date' })
  effectiveOn: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  actorUsername: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
