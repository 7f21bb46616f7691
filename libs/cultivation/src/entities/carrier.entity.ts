import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

import { CarrierKind } from '@app/core';

/**
 * Something other than a firm that holds a recognition: a green park, a green-design product, an
 * industrial-internet platform, an industry brain or one of its featured apps. Optionally run by an
 * enterprise of the registry; placed in a district (scope) and optionally on a chain.
 */
@Entity('carrier')
@Index('idx_carrier_district', ['districtCode'])
@Index('idx_carrier_operator', ['operatorEnterpriseId'])
export class CarrierEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 30 })
  kind: CarrierKind;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  districtCode: string;

  /** The enterprise that runs it (运营主体), when it is one of the registry's */
  @Column({ type: 'uuid', nullable: true })
  operatorEnterpriseId: string | null;

  /** The operator when it is not in the registry (an institute, a park committee) */
  @Column({ type: 'varchar', length: 200, nullable: true })
  operatorName: string | null;

  @Column({ type: 'uuid', nullable: true })
  chainId: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
