import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The duplicate rules for designations, enforced by the database so two concurrent creates cannot
 * both win: no two live (CANDIDATE / RECOGNISED / UNDER_REVIEW) designations of the same type,
 * level and chain for one enterprise, and one live CHAIN_LEADER per enterprise per chain.
 */
export class LiveDesignationRules1795720000000 implements MigrationInterface {
  name = 'LiveDesignationRules1795720000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_designation_live_key" ON "designation" ("enterprise_id", "type", "level", "chain_id") NULLS NOT DISTINCT ` +
        `WHERE "status" IN ('CANDIDATE', 'RECOGNISED', 'UNDER_REVIEW')`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_designation_live_chain_leader" ON "designation" ("enterprise_id", "chain_id") ` +
        `WHERE "type" = 'CHAIN_LEADER' AND "status" IN ('CANDIDATE', 'RECOGNISED', 'UNDER_REVIEW')`,
    );
    await queryRunner.query(`CREATE INDEX "idx_designation_expires_on" ON "designation" ("expires_on") WHERE "expires_on" IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_designation_expires_on"`);
    await queryRunner.query(`DROP INDEX "public"."uq_designation_live_chain_leader"`);
    await queryRunner.query(`DROP INDEX "public"."uq_designation_live_key"`);
  }
}
