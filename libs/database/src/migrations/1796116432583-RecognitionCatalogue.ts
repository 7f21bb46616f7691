import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The recognition catalogue (recognition_type) and carriers; a designation is held by an enterprise or
 * a carrier, exactly one. The live-key index gains carrier_id so two carriers' recognitions of one type
 * and level do not collide (enterprise rows: carrier_id is always NULL, so their key is unchanged).
 */
export class RecognitionCatalogue1796116432583 implements MigrationInterface {
  name = 'RecognitionCatalogue1796116432583';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "carrier" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(30) NOT NULL, "name" character varying(200) NOT NULL, "district_code" character varying(20) NOT NULL, "operator_enterprise_id" uuid, "operator_name" character varying(200), "chain_id" uuid, "description" text, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f615ebd1906f0270d41b3a5a8b0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_carrier_operator" ON "carrier" ("operator_enterprise_id") `);
    await queryRunner.query(`CREATE INDEX "idx_carrier_district" ON "carrier" ("district_code") `);
    await queryRunner.query(
      `CREATE TABLE "recognition_type" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(30) NOT NULL, "name" character varying(60) NOT NULL, "levels" character varying array NOT NULL, "validity_years" smallint, "issuing_body" character varying(100), "holder_kind" character varying(12) NOT NULL, "carrier_kind" character varying(30), "names_chain" boolean NOT NULL DEFAULT false, "names_product" boolean NOT NULL DEFAULT false, "effective_from" date, "effective_to" date, "sort_order" integer NOT NULL DEFAULT '0', "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_75d1888ef99a5ff85cdd43b5c71" UNIQUE ("code"), CONSTRAINT "PK_30aebe18fd67014e830be7a5dad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`ALTER TABLE "designation" ADD "carrier_id" uuid`);
    await queryRunner.query(`ALTER TABLE "designation" ALTER COLUMN "enterprise_id" DROP NOT NULL`);
    await queryRunner.query(`CREATE INDEX "idx_designation_carrier" ON "designation" ("carrier_id") `);
    await queryRunner.query(`ALTER TABLE "designation" ADD CONSTRAINT "chk_designation_one_holder" CHECK ((enterprise_id IS NULL) <> (carrier_id IS NULL))`);
    await queryRunner.query(`DROP INDEX "public"."uq_designation_live_key"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_designation_live_key" ON "designation" ("enterprise_id", "carrier_id", "type", "level", "chain_id") NULLS NOT DISTINCT ` +
        `WHERE "status" IN ('CANDIDATE', 'RECOGNISED', 'UNDER_REVIEW')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_designation_live_key"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_designation_live_key" ON "designation" ("enterprise_id", "type", "level", "chain_id") NULLS NOT DISTINCT ` +
        `WHERE "status" IN ('CANDIDATE', 'RECOGNISED', 'UNDER_REVIEW')`,
    );
    await queryRunner.query(`ALTER TABLE "designation" DROP CONSTRAINT "chk_designation_one_holder"`);
    await queryRunner.query(`DROP INDEX "public"."idx_designation_carrier"`);
    await queryRunner.query(`DELETE FROM "designation_event" WHERE "designation_id" IN (SELECT "id" FROM "designation" WHERE "carrier_id" IS NOT NULL)`);
    await queryRunner.query(`DELETE FROM "designation" WHERE "carrier_id" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "designation" ALTER COLUMN "enterprise_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "designation" DROP COLUMN "carrier_id"`);
    await queryRunner.query(`DROP TABLE "recognition_type"`);
    await queryRunner.query(`DROP INDEX "public"."idx_carrier_district"`);
    await queryRunner.query(`DROP INDEX "public"."idx_carrier_operator"`);
    await queryRunner.query(`DROP TABLE "carrier"`);
  }
}
