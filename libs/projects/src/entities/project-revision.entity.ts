import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

const money = { type: 'numeric' as const, precision: 18, scale: 2 };

/**
 * What a project counted as from `effectiveOn` on: the fields quota lines read (placement, programmes,
 * plan year, planned amounts). The state on day D is the revision with the latest effectiveOn ≤ D, so a
 * later edit never changes an earlier day. One row per project and day (a second edit that day replaces it).
 */
@Entity('project_revision')
@Index('uq_project_revision_day', ['projectId', 'effectiveOn'], { unique: true })
export class ProjectRevisionEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  projectId: string;

  @Column({ type: 'date' })
  effectiveOn: string;

  @Column({ type: 'varchar', length: 12 })
  districtCode: string;

  @Column({ type: 'uuid', nullable: true })
  chainId: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  programmeCodes: string[];

  @Column({ type: 'smallint' })
  planYear: number;

  @Column(money)
  plannedTotalYuan: string;

  @Column({ ...money, nullable: true })
  plannedYearYuan: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  actorUsername: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}
