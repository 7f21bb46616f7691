import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The 超前/滞后 thresholds of the monthly judgement, from `effectiveFrom` on (the month's last day picks the row). */
@Entity('project_progress_threshold')
export class ProjectProgressThresholdEntity {
  @PrimaryColumn({ type: 'date' })
  effectiveFrom: string;

  @Column({ type: 'smallint' })
  aheadPercent: number;

  @Column({ type: 'smallint' })
  behindPercent: number;
}
