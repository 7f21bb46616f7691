import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 项目专项 (双百, 增资扩产, 数字化改造 …): reference data; a project carries several (by code). */
@Entity('project_programme')
export class ProjectProgrammeEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;
}
