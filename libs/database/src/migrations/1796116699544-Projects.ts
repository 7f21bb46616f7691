import { MigrationInterface, QueryRunner } from "typeorm";

export class Projects1796116699544 implements MigrationInterface {
    name = 'Projects1796116699544'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "project_programme" ("code" character varying(40) NOT NULL, "name" character varying(100) NOT NULL, "description" text NOT NULL DEFAULT '', "sort_order" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_0432e4ae9a439e032280600f910" PRIMARY KEY ("code"))`);
        await queryRunner.query(`CREATE TABLE "project_progress_threshold" ("effective_from" date NOT NULL, "ahead_percent" smallint NOT NULL, "behind_percent" smallint NOT NULL, CONSTRAINT "PK_d1e6dbb462e8d1495ab3fec35ba" PRIMARY KEY ("effective_from"))`);
        await queryRunner.query(`CREATE TABLE "project_progress" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "month" character(7) NOT NULL, "cumulative_yuan" numeric(18,2) NOT NULL, "reported_on" date NOT NULL, "effective_on" date, "status" character varying(10) NOT NULL, "note" text, "reported_by_username" character varying(64), "reviewed_by_username" character varying(64), "reviewed_at" TIMESTAMP WITH TIME ZONE, "decision_reason" text, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c0832cb86df19e7ae6d0494cd9a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_project_progress_project" ON "project_progress" ("project_id", "month") `);
        await queryRunner.query(`CREATE TABLE "project_revision" ("id" BIGSERIAL NOT NULL, "project_id" uuid NOT NULL, "effective_on" date NOT NULL, "district_code" character varying(12) NOT NULL, "chain_id" uuid, "programme_codes" text array NOT NULL DEFAULT '{}', "plan_year" smallint NOT NULL, "planned_total_yuan" numeric(18,2) NOT NULL, "planned_year_yuan" numeric(18,2), "actor_username" character varying(64), "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ae26a6b82863a424e39d6156675" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_project_revision_day" ON "project_revision" ("project_id", "effective_on") `);
        await queryRunner.query(`CREATE TABLE "project_stage_event" ("id" BIGSERIAL NOT NULL, "project_id" uuid NOT NULL, "from_stage" character varying(20), "to_stage" character varying(20) NOT NULL, "effective_on" date NOT NULL, "reason" text, "actor_username" character varying(64), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ead171d0f93c9fc611a740c3e20" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_project_stage_event_project" ON "project_stage_event" ("project_id", "effective_on") `);
        await queryRunner.query(`CREATE TABLE "project" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "project_code" character varying(24), "enterprise_id" uuid NOT NULL, "district_code" character varying(12) NOT NULL, "chain_id" uuid, "kind" character varying(20) NOT NULL, "programme_codes" text array NOT NULL DEFAULT '{}', "plan_year" smallint NOT NULL, "planned_total_yuan" numeric(18,2) NOT NULL, "planned_year_yuan" numeric(18,2), "planned_equipment_yuan" numeric(18,2), "planned_software_yuan" numeric(18,2), "planned_start_on" date, "planned_completion_on" date, "actual_start_on" date, "actual_completion_on" date, "stage" character varying(20) NOT NULL, "registered_on" date NOT NULL, "note" text, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4d68b1358bb5b766d3e78f32f57" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_project_code" ON "project" ("project_code") WHERE project_code IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "idx_project_district" ON "project" ("district_code") `);
        await queryRunner.query(`CREATE INDEX "idx_project_enterprise" ON "project" ("enterprise_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."idx_project_enterprise"`);
        await queryRunner.query(`DROP INDEX "public"."idx_project_district"`);
        await queryRunner.query(`DROP INDEX "public"."uq_project_code"`);
        await queryRunner.query(`DROP TABLE "project"`);
        await queryRunner.query(`DROP INDEX "public"."idx_project_stage_event_project"`);
        await queryRunner.query(`DROP TABLE "project_stage_event"`);
        await queryRunner.query(`DROP INDEX "public"."uq_project_revision_day"`);
        await queryRunner.query(`DROP TABLE "project_revision"`);
        await queryRunner.query(`DROP INDEX "public"."idx_project_progress_project"`);
        await queryRunner.query(`DROP TABLE "project_progress"`);
        await queryRunner.query(`DROP TABLE "project_progress_threshold"`);
        await queryRunner.query(`DROP TABLE "project_programme"`);
    }

}
