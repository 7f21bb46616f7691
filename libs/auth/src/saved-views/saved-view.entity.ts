import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** A named filter/column set of a console list page, personal or shared with staff. */
@Entity('saved_view')
@Index(['ownerId', 'page', 'name'], { unique: true })
@Index(['page', 'shared'])
export class SavedViewEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  ownerId: string;

  /** The owner's districts when the view was saved ('{}' = city-wide): who may see it when shared */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  ownerDistrictCodes: string[];

  /** Console page key, e.g. enterprises */
  @Column({ type: 'varchar', length: 40 })
  page: string;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'boolean', default: false })
  shared: boolean;

  /** Filters, columns and sort as the console keeps them */
  @Column({ type: 'jsonb' })
  state: Record<string, unknown>;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
