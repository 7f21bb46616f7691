import { MigrationInterface, QueryRunner } from 'typeorm';

/** A version on chain segments, so two clerks editing one chain's tree get a 409 instead of a silent overwrite. */
export class ChainSegmentVersion1796117197654 implements MigrationInterface {
  name = 'ChainSegmentVersion1796117197654';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "chain_segment" ADD "version" integer NOT NULL DEFAULT '1'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "chain_segment" DROP COLUMN "version"`);
  }
}
