import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The remediation register: land blocks, cases and their dated status history. One open (OPEN / IN_PROGRESS)
 * case per subject and category is enforced by partial unique indexes, so two concurrent opens cannot both win.
 */
export class Remediation1796117260394 implements MigrationInterface {
    name = 'Remediation1796117260394'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "land_block" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "district_code" character varying(12) NOT NULL, "area_mu" numeric(14,2) NOT NULL, "location" character varying(500) NOT NULL, "longitude" numeric(10,6), "latitude" numeric(10,6), "note" text, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2d3fdfb9c717b60defa4bac6384" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_land_block_name" ON "land_block" ("name") `);
        await queryRunner.query(`CREATE INDEX "idx_land_block_district" ON "land_block" ("district_code") `);
        await queryRunner.query(`CREATE TABLE "remediation_case" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "enterprise_id" uuid, "block_id" uuid, "category" character varying(30) NOT NULL, "source_kind" character varying(30) NOT NULL, "source_year" smallint, "source_note" character varying(500), "plan" text, "measures" text, "responsible_unit" character varying(200) NOT NULL, "deadline" date NOT NULL, "opened_on" date NOT NULL, "status" character varying(20) NOT NULL, "outcome" character varying(20), "closed_on" date, "evidence" text, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_559d305d64ff0bf7492f7e7b1f9" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_remediation_case_enterprise" ON "remediation_case" ("enterprise_id") `);
        await queryRunner.query(`CREATE INDEX "idx_remediation_case_block" ON "remediation_case" ("block_id") `);
        await queryRunner.query(`CREATE INDEX "idx_remediation_case_category_status" ON "remediation_case" ("category", "status") `);
        await queryRunner.query(`CREATE TABLE "remediation_case_event" ("id" BIGSERIAL NOT NULL, "case_id" uuid NOT NULL, "from_status" character varying(20), "to_status" character varying(20) NOT NULL, "effective_on" date NOT NULL, "outcome" character varying(20), "note" text, "actor_id" uuid, "actor_username" character varying(64), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fb6104c29cd4f450615f40bcf50" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_remediation_case_event_case" ON "remediation_case_event" ("case_id", "effective_on") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_remediation_case_open_enterprise" ON "remediation_case" ("enterprise_id", "category") WHERE "enterprise_id" IS NOT NULL AND "status" IN ('OPEN', 'IN_PROGRESS')`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_remediation_case_open_block" ON "remediation_case" ("block_id", "category") WHERE "block_id" IS NOT NULL AND "status" IN ('OPEN', 'IN_PROGRESS')`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."uq_remediation_case_open_block"`);
        await queryRunner.query(`DROP INDEX "public"."uq_remediation_case_open_enterprise"`);
        await queryRunner.query(`DROP INDEX "public"."idx_remediation_case_event_case"`);
        await queryRunner.query(`DROP TABLE "remediation_case_event"`);
        await queryRunner.query(`DROP INDEX "public"."idx_remediation_case_category_status"`);
        await queryRunner.query(`DROP INDEX "public"."idx_remediation_case_block"`);
        await queryRunner.query(`DROP INDEX "public"."idx_remediation_case_enterprise"`);
        await queryRunner.query(`DROP TABLE "remediation_case"`);
        await queryRunner.query(`DROP INDEX "public"."idx_land_block_district"`);
        await queryRunner.query(`DROP INDEX "public"."uq_land_block_name"`);
        await queryRunner.query(`DROP TABLE "land_block"`);
    }

}
