import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

import { ProjectKind, ProjectStage } from '../project-enums';

const money = { type: 'numeric' as const, precision: 18, scale: 2 };

/**
 * An investment project. These columns hold the current state; what quota lines count on a past day
 * comes from project_revision (placement, programmes, planned amounts) and project_stage_event.
 */
@Entity('project')
@Index('idx_project_enterprise', ['enterpriseId'])
@Index('idx_project_district', ['districtCode'])
export class ProjectEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** 项目代码 (GB/T 40058-2021), normalised with hyphens */
  @Index('uq_project_code', { unique: true, where: 'project_code IS NOT NULL' })
  @Column({ type: 'varchar', length: 24, nullable: true })
  projectCode: string | null;

  @Column({ type: 'uuid' })
  enterpriseId: string;

  @Column({ type: 'varchar', length: 12 })
  districtCode: string;

  @Column({ type: 'uuid', nullable: true })
  chainId: string | null;

  @Column({ type: 'varchar', length: 20 })
  kind: ProjectKind;

  /** Codes of project_programme */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  programmeCodes: string[];

  /** The plan year the project is listed for (its yearly investment is that year's) */
  @Column({ type: 'smallint' })
  planYear: number;

  @Column(money)
  plannedTotalYuan: string;

  @Column({ ...money, nullable: true })
  plannedYearYuan: string | null;

  /** Of the planned total: equipment */
  @Column({ ...money, nullable: true })
  plannedEquipmentYuan: string | null;

  /** Of the planned total: software */
  @Column({ ...money, nullable: true })
  plannedSoftwareYuan: string | null;

  @Column({ type: 'date', nullable: true })
  plannedStartOn: string | null;

  @Column({ type: 'date', nullable: true })
  plannedCompletionOn: string | null;

  @Column({ type: 'date', nullable: true })
  actualStartOn: string | null;

  @Column({ type: 'date', nullable: true })
  actualCompletionOn: string | null;

  @Column({ type: 'varchar', length: 20 })
  stage: ProjectStage;

  /** The day the project entered the register (its first revision's date) */
  @Column({ type: 'date' })
  registeredOn: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
