import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

import { Role } from '@app/core';

@Entity('app_user')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  username: string;

  @Column({ type: 'varchar', length: 100, default: '' })
  displayName: string;

  @Column({ type: 'varchar', length: 100, select: false })
  passwordHash: string;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** DISTRICT_STAFF scope */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  districtCodes: string[];

  /** LIAISON scope */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  enterpriseIds: string[];

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
