import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** The bureau's quota plan of one year (e.g. the 2022 targets announced in the Ningbo Daily). */
@Entity('quota_plan')
@Index('uq_quota_plan_year', ['year'], { unique: true })
export class QuotaPlanEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'smallint' })
  year: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** Where the targets come from (document, article, notice number) */
  @Column({ type: 'text', default: '' })
  sourceDocument: string;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
