import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dated history, so a later change never moves a past figure: the expiry in force with each designation
 * event, chain memberships with joined/left dates (a left membership is kept, so the unique key covers
 * open memberships only), and an enterprise's past districts as spells. Existing rows are filled in by
 * the next migration (data only, kept out of this DDL).
 */
export class DatedHistory1796100549770 implements MigrationInterface {
  name = 'DatedHistory1796100549770';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "enterprise_district_spell" ("id" BIGSERIAL NOT NULL, "enterprise_id" uuid NOT NULL, "district_code" character varying(20) NOT NULL, "valid_from" date, "valid_to" date NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a4c13b1a6f04f499cf02b4f6525" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_enterprise_district_spell" ON "enterprise_district_spell" ("enterprise_id", "valid_to") `);
    await queryRunner.query(`ALTER TABLE "chain_membership" ADD "joined_on" date`);
    await queryRunner.query(`ALTER TABLE "chain_membership" ADD "left_on" date`);
    await queryRunner.query(`DROP INDEX "public"."uq_chain_membership"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_chain_membership" ON "chain_membership" ("enterprise_id", "chain_id") WHERE "left_on" IS NULL`);
    await queryRunner.query(`ALTER TABLE "designation_event" ADD "expires_on" date`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "designation_event" DROP COLUMN "expires_on"`);
    // Undated memberships cannot hold a past one beside a current one: drop the memberships that ended.
    await queryRunner.query(`DROP INDEX "public"."uq_chain_membership"`);
    await queryRunner.query(`DELETE FROM "chain_membership" WHERE "left_on" IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_chain_membership" ON "chain_membership" ("enterprise_id", "chain_id") `);
    await queryRunner.query(`ALTER TABLE "chain_membership" DROP COLUMN "left_on"`);
    await queryRunner.query(`ALTER TABLE "chain_membership" DROP COLUMN "joined_on"`);
    await queryRunner.query(`DROP INDEX "public"."idx_enterprise_district_spell"`);
    await queryRunner.query(`DROP TABLE "enterprise_district_spell"`);
  }
}
