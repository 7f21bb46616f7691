import { MigrationInterface, QueryRunner } from "typeorm";

export class Evaluation1796116503814 implements MigrationInterface {
    name = 'Evaluation1796116503814'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "evaluation_response" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "year" smallint NOT NULL, "enterprise_id" uuid NOT NULL, "kind" character varying(10) NOT NULL, "reason" text, "evidence" text array NOT NULL DEFAULT '{}', "requested_class" character(1), "class_before" character(1), "status" character varying(10) NOT NULL, "decided_class" character(1), "decision_note" text, "decided_by" character varying(100), "decided_at" TIMESTAMP WITH TIME ZONE, "submitted_by" character varying(100) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_0da5a99ee61b210d4456497d258" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_evaluation_response_year_enterprise" ON "evaluation_response" ("year", "enterprise_id") `);
        await queryRunner.query(`CREATE TABLE "evaluation_run" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "year" smallint NOT NULL, "status" character varying(20) NOT NULL, "scheme" jsonb NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "computed_by" character varying(100) NOT NULL, "result_count" integer NOT NULL, "publicity_starts_on" date, "publicity_ends_on" date, "frozen_at" TIMESTAMP WITH TIME ZONE, "frozen_by" character varying(100), "version" integer NOT NULL, CONSTRAINT "PK_ed28e0d308c8a4b2d65b2e3ea00" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_evaluation_run_year" ON "evaluation_run" ("year") `);
        await queryRunner.query(`CREATE TABLE "evaluation_scheme" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "year" smallint NOT NULL, "name" character varying(200) NOT NULL, "small_land_threshold_mu" numeric(8,2) NOT NULL, "min_firm_age_years" smallint NOT NULL, "min_land_in_use_years" smallint NOT NULL, "populations" jsonb NOT NULL, "class_bands" jsonb NOT NULL, "note" text, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a7efb436a09668d810b37f1bd40" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_evaluation_scheme_year" ON "evaluation_scheme" ("year") `);
        await queryRunner.query(`CREATE TABLE "land_use" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "enterprise_id" uuid NOT NULL, "year" smallint NOT NULL, "tenure" character varying(10) NOT NULL, "area_mu" numeric(12,2) NOT NULL, "in_use_since" date, "verified_by" character varying(100), "verified_on" date, "source" character varying(100), "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dc99c1b34400daf4849cb9ead46" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_land_use_year" ON "land_use" ("year") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_land_use_enterprise_year_tenure" ON "land_use" ("enterprise_id", "year", "tenure") `);
        await queryRunner.query(`CREATE TABLE "evaluation_figure" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "enterprise_id" uuid NOT NULL, "year" smallint NOT NULL, "evaluation_tax_yuan" numeric(20,2), "electricity_kwh" numeric(18,2), "emissions_tonnes" numeric(16,3), "main_revenue_yuan" numeric(20,2), "average_employees" integer, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e4458b4ad0147208a1f7e14d997" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_evaluation_figure_year" ON "evaluation_figure" ("year") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_evaluation_figure_enterprise_year" ON "evaluation_figure" ("enterprise_id", "year") `);
        await queryRunner.query(`CREATE TABLE "evaluation_result" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "year" smallint NOT NULL, "enterprise_id" uuid NOT NULL, "district_code" character varying(20) NOT NULL, "population" character varying(30), "owned_mu" numeric(12,2), "leased_mu" numeric(12,2), "land_mu" numeric(12,2), "evaluation_tax_yuan" numeric(20,2), "value_added_yuan" numeric(20,2), "energy_tce" numeric(16,3), "emissions_tonnes" numeric(16,3), "electricity_kwh" numeric(18,2), "rd_spend_yuan" numeric(20,2), "main_revenue_yuan" numeric(20,2), "average_employees" integer, "tax_per_mu" numeric(20,4), "value_added_per_mu" numeric(20,4), "value_added_per_energy" numeric(20,4), "value_added_per_emission" numeric(20,4), "labour_productivity" numeric(20,4), "rd_share" numeric(20,4), "tax_per_electricity" numeric(20,4), "term_tax_per_mu" numeric(8,2), "term_value_added_per_mu" numeric(8,2), "term_value_added_per_energy" numeric(8,2), "term_value_added_per_emission" numeric(8,2), "term_labour_productivity" numeric(8,2), "term_rd_share" numeric(8,2), "term_tax_per_electricity" numeric(8,2), "score" numeric(8,2), "rank" integer, "population_size" integer, "computed_class" character(1), "final_class" character(1), "exclusion_reason" character varying(30), CONSTRAINT "PK_1f78378726bcb3c63fcd48f569c" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_evaluation_result_year_class" ON "evaluation_result" ("year", "final_class") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_evaluation_result_year_enterprise" ON "evaluation_result" ("year", "enterprise_id") `);
        await queryRunner.query(`CREATE TABLE "evaluation_benchmark" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "year" smallint NOT NULL, "population" character varying(30) NOT NULL, "indicator" character varying(40) NOT NULL, "value" numeric, "firm_count" integer NOT NULL, CONSTRAINT "PK_a8e9a5ab598429b0fe03ca7fb29" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_evaluation_benchmark" ON "evaluation_benchmark" ("year", "population", "indicator") `);
        await queryRunner.query(`ALTER TABLE "evaluation_response" ADD CONSTRAINT "FK_247fcc593cbebbeab5a2092e725" FOREIGN KEY ("enterprise_id") REFERENCES "enterprise"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "land_use" ADD CONSTRAINT "FK_6714409ebf48ae593588202624c" FOREIGN KEY ("enterprise_id") REFERENCES "enterprise"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "evaluation_figure" ADD CONSTRAINT "FK_5105e4b35785b55893d4718beda" FOREIGN KEY ("enterprise_id") REFERENCES "enterprise"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "evaluation_result" ADD CONSTRAINT "FK_fba10a303d809a84f8c812f228a" FOREIGN KEY ("enterprise_id") REFERENCES "enterprise"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        // At most one undecided objection per firm and year; partial, so TypeORM does not manage it.
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_evaluation_response_pending" ON "evaluation_response" ("year", "enterprise_id") WHERE status = 'PENDING'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."uq_evaluation_response_pending"`);
        await queryRunner.query(`ALTER TABLE "evaluation_result" DROP CONSTRAINT "FK_fba10a303d809a84f8c812f228a"`);
        await queryRunner.query(`ALTER TABLE "evaluation_figure" DROP CONSTRAINT "FK_5105e4b35785b55893d4718beda"`);
        await queryRunner.query(`ALTER TABLE "land_use" DROP CONSTRAINT "FK_6714409ebf48ae593588202624c"`);
        await queryRunner.query(`ALTER TABLE "evaluation_response" DROP CONSTRAINT "FK_247fcc593cbebbeab5a2092e725"`);
        await queryRunner.query(`DROP INDEX "public"."uq_evaluation_benchmark"`);
        await queryRunner.query(`DROP TABLE "evaluation_benchmark"`);
        await queryRunner.query(`DROP INDEX "public"."uq_evaluation_result_year_enterprise"`);
        await queryRunner.query(`DROP INDEX "public"."idx_evaluation_result_year_class"`);
        await queryRunner.query(`DROP TABLE "evaluation_result"`);
        await queryRunner.query(`DROP INDEX "public"."uq_evaluation_figure_enterprise_year"`);
        await queryRunner.query(`DROP INDEX "public"."idx_evaluation_figure_year"`);
        await queryRunner.query(`DROP TABLE "evaluation_figure"`);
        await queryRunner.query(`DROP INDEX "public"."uq_land_use_enterprise_year_tenure"`);
        await queryRunner.query(`DROP INDEX "public"."idx_land_use_year"`);
        await queryRunner.query(`DROP TABLE "land_use"`);
        await queryRunner.query(`DROP INDEX "public"."uq_evaluation_scheme_year"`);
        await queryRunner.query(`DROP TABLE "evaluation_scheme"`);
        await queryRunner.query(`DROP INDEX "public"."uq_evaluation_run_year"`);
        await queryRunner.query(`DROP TABLE "evaluation_run"`);
        await queryRunner.query(`DROP INDEX "public"."idx_evaluation_response_year_enterprise"`);
        await queryRunner.query(`DROP TABLE "evaluation_response"`);
    }

}
