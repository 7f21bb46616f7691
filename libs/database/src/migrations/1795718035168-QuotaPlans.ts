import { MigrationInterface, QueryRunner } from "typeorm";

export class QuotaPlans1795718035168 implements MigrationInterface {
    name = 'QuotaPlans1795718035168'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "quota_line_split" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "line_id" uuid NOT NULL, "district_code" character varying(20), "chain_id" uuid, "target_value" numeric(20,4) NOT NULL, CONSTRAINT "PK_a43f3851a2c54c8cc464a754731" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_quota_line_split" ON "quota_line_split" ("line_id", "district_code", "chain_id") `);
        await queryRunner.query(`CREATE TABLE "quota_line" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "code" character varying(60) NOT NULL, "label" character varying(200) NOT NULL, "unit" character varying(20) NOT NULL, "line_group" character varying(40) NOT NULL, "target_value" numeric(20,4) NOT NULL, "direction" character varying(10) NOT NULL DEFAULT 'AT_LEAST', "measure_kind" character varying(30) NOT NULL, "measure_params" jsonb NOT NULL DEFAULT '{}', "sort_order" integer NOT NULL DEFAULT '0', "note" text NOT NULL DEFAULT '', "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0b9e21318a619349a46e6b7a4cb" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_quota_line_code" ON "quota_line" ("plan_id", "code") `);
        await queryRunner.query(`CREATE TABLE "quota_manual_report" ("id" BIGSERIAL NOT NULL, "line_id" uuid NOT NULL, "value" numeric(20,4) NOT NULL, "reported_on" date NOT NULL, "evidence" text NOT NULL, "district_code" character varying(20), "chain_id" uuid, "actor_id" uuid, "actor_username" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_21ccc9e03c90891301b27f5da22" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_quota_manual_report_line" ON "quota_manual_report" ("line_id", "reported_on") `);
        await queryRunner.query(`CREATE TABLE "quota_plan" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "year" smallint NOT NULL, "title" character varying(200) NOT NULL, "source_document" text NOT NULL DEFAULT '', "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_52e0a0e725dc621b6257b538900" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_quota_plan_year" ON "quota_plan" ("year") `);
        await queryRunner.query(`CREATE TABLE "quota_snapshot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "year" smallint NOT NULL, "quarter" smallint NOT NULL, "as_of" date NOT NULL, "payload" text NOT NULL, "frozen_by_id" uuid, "frozen_by_username" character varying(64) NOT NULL, "frozen_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_7c0a7487df80f43af8529f48483" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_quota_snapshot_quarter" ON "quota_snapshot" ("plan_id", "quarter") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."uq_quota_snapshot_quarter"`);
        await queryRunner.query(`DROP TABLE "quota_snapshot"`);
        await queryRunner.query(`DROP INDEX "public"."uq_quota_plan_year"`);
        await queryRunner.query(`DROP TABLE "quota_plan"`);
        await queryRunner.query(`DROP INDEX "public"."idx_quota_manual_report_line"`);
        await queryRunner.query(`DROP TABLE "quota_manual_report"`);
        await queryRunner.query(`DROP INDEX "public"."uq_quota_line_code"`);
        await queryRunner.query(`DROP TABLE "quota_line"`);
        await queryRunner.query(`DROP INDEX "public"."uq_quota_line_split"`);
        await queryRunner.query(`DROP TABLE "quota_line_split"`);
    }

}
