import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum DistrictKind {
  CITY = 'CITY',
  DISTRICT = 'DISTRICT',
  COUNTY = 'COUNTY',
  COUNTY_CITY = 'COUNTY_CITY',
  FUNCTIONAL_ZONE = 'FUNCTIONAL_ZONE',
}

export const DISTRICT_KIND_LABELS: Record<DistrictKind, string> = {
  CITY: '市',
  DISTRICT: '区',
  COUNTY: '县',
  COUNTY_CITY: '县级市',
  FUNCTIONAL_ZONE: '功能区',
};

/** Administrative areas by GB/T 2260 code (retired ones kept: old credit codes contain them) and functional zones. */
@Entity('district')
export class DistrictEntity {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  code: string;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  kind: DistrictKind;

  @Column({ type: 'boolean', default: false })
  retired: boolean;

  @Column({ type: 'varchar', length: 20, nullable: true })
  parentCode: string | null;

  /** For a functional zone: the administrative districts it sits in */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  hostDistrictCodes: string[];
}
