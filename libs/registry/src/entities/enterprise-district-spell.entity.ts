import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A past district of an enterprise: it was in `districtCode` from `validFrom` (null: since it was first
 * registered) until the day before `validTo`. Written when the district changes; the current district is
 * the enterprise row's. Figures of a past day are split by the district the firm was in on that day
 * (`districtOnSql`), so a move never moves past district figures.
 */
@Entity('enterprise_district_spell')
@Index('idx_enterprise_district_spell', ['enterpriseId', 'validTo'])
export class EnterpriseDistrictSpellEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  enterpriseId: string;

  @Column({ type: 'varchar', length: 20 })
  districtCode: string;

  /** First day in the district; null = since the enterprise was registered */
  @Column({ type: 'date', nullable: true })
  validFrom: string | null;

  /** The day it moved out (exclusive) */
  @Column({ type: 'date' })
  validTo: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
