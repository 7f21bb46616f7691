import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum IndustryLevel {
  SECTION = 'SECTION',
  DIVISION = 'DIVISION',
  GROUP = 'GROUP',
  CLASS = 'CLASS',
}

export const INDUSTRY_LEVEL_LABELS: Record<IndustryLevel, string> = {
  SECTION: '门类',
  DIVISION: '大类',
  GROUP: '中类',
  CLASS: '小类',
};

/** GB/T 4754-2017: section letter → 2-digit division → 3-digit group → 4-digit class. */
@Entity('industry')
export class IndustryEntity {
  @PrimaryColumn({ type: 'varchar', length: 4 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 10 })
  level: IndustryLevel;

  @Column({ type: 'varchar', length: 4, nullable: true })
  parentCode: string | null;
}
