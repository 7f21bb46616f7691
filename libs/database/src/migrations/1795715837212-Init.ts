import { MigrationInterface, QueryRunner } from 'typeorm';

import { SEARCH_DOWN, SEARCH_UP } from './sql/enterprise-search.sql';

export class Init1795715837212 implements MigrationInterface {
    name = 'Init1795715837212'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_username" character varying(64), "actor_role" character varying(20), "action" character varying(60) NOT NULL, "entity_type" character varying(60) NOT NULL, "entity_id" character varying(64), "before" jsonb, "after" jsonb, "request_id" character varying(100), CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_audit_at" ON "audit_log" ("at") `);
        await queryRunner.query(`CREATE INDEX "idx_audit_entity" ON "audit_log" ("entity_type", "entity_id") `);
        await queryRunner.query(`CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" character varying(64) NOT NULL, "display_name" character varying(100) NOT NULL DEFAULT '', "password_hash" character varying(100) NOT NULL, "role" character varying(20) NOT NULL, "active" boolean NOT NULL DEFAULT true, "district_codes" text array NOT NULL DEFAULT '{}', "enterprise_ids" uuid array NOT NULL DEFAULT '{}', "last_login_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_c480e576dd71729addbc2d51b67" UNIQUE ("username"), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "chain" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(50) NOT NULL, "name" character varying(100) NOT NULL, "description" text NOT NULL DEFAULT '', "lead_unit" character varying(200), "promotion_agency" character varying(200), "provisional" boolean NOT NULL DEFAULT false, "confirmed_by" character varying(200) NOT NULL DEFAULT '', "sort_order" integer NOT NULL DEFAULT '0', "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_a854ec309deacdef6bd7c38ac8c" UNIQUE ("code"), CONSTRAINT "PK_8e273aafae283b886672c952ecd" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "chain_segment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "chain_id" uuid NOT NULL, "parent_id" uuid, "code" character varying(50) NOT NULL, "name" character varying(100) NOT NULL, "stage" character varying(12) NOT NULL, "sort_order" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_d5a1298eb9dd19ad6de2d0eaca4" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2709a3347ea014ef41cbd46eba" ON "chain_segment" ("chain_id", "code") `);
        await queryRunner.query(`CREATE TABLE "district" ("code" character varying(20) NOT NULL, "name" character varying(50) NOT NULL, "kind" character varying(20) NOT NULL, "retired" boolean NOT NULL DEFAULT false, "parent_code" character varying(20), "host_district_codes" text array NOT NULL DEFAULT '{}', CONSTRAINT "PK_fbfe5cb0d22c2be8c9a9fff5b6b" PRIMARY KEY ("code"))`);
        await queryRunner.query(`CREATE TABLE "industry" ("code" character varying(4) NOT NULL, "name" character varying(100) NOT NULL, "level" character varying(10) NOT NULL, "parent_code" character varying(4), CONSTRAINT "PK_d76e293720ae8ab8fe7afffdc98" PRIMARY KEY ("code"))`);
        await queryRunner.query(`CREATE TABLE "enterprise" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "credit_code" character varying(18) NOT NULL, "credit_code_override_reason" text, "name" character varying(200) NOT NULL, "short_name" character varying(100), "former_names" text array NOT NULL DEFAULT '{}', "district_code" character varying(20) NOT NULL, "functional_zone_code" character varying(20), "industry_code" character varying(4) NOT NULL, "industry_section" character(1) NOT NULL, "address" character varying(300), "legal_representative" character varying(50), "founded_on" date, "registered_capital_yuan" numeric(20,2), "status" character varying(20) NOT NULL DEFAULT 'ACTIVE', "above_scale" boolean NOT NULL DEFAULT false, "stock_code" character varying(20), "land_area_mu" numeric(12,2), "contact_person" character varying(50), "contact_phone" character varying(30), "contact_email" character varying(100), "archived" boolean NOT NULL DEFAULT false, "archived_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_09687cd306dc5d486c0e227c471" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_enterprise_credit_code" ON "enterprise" ("credit_code") `);
        await queryRunner.query(`CREATE INDEX "idx_enterprise_name" ON "enterprise" ("name") `);
        await queryRunner.query(`CREATE INDEX "idx_enterprise_district" ON "enterprise" ("district_code") `);
        await queryRunner.query(`CREATE TABLE "enterprise_figure" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "enterprise_id" uuid NOT NULL, "year" smallint NOT NULL, "quarter" smallint NOT NULL DEFAULT '0', "operating_revenue_yuan" numeric(20,2), "industrial_output_yuan" numeric(20,2), "tax_paid_yuan" numeric(20,2), "rd_spend_yuan" numeric(20,2), "value_added_yuan" numeric(20,2), "employees" integer, "energy_use_tce" numeric(16,3), "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_98122a3afb768c9649182e0c2da" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_enterprise_figure_year" ON "enterprise_figure" ("year", "quarter") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_enterprise_figure_period" ON "enterprise_figure" ("enterprise_id", "year", "quarter") `);
        await queryRunner.query(`ALTER TABLE "chain_segment" ADD CONSTRAINT "FK_94fb11dbdad4333a424010bb43c" FOREIGN KEY ("chain_id") REFERENCES "chain"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "chain_segment" ADD CONSTRAINT "FK_6080c9f1423afd99436370e5464" FOREIGN KEY ("parent_id") REFERENCES "chain_segment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "enterprise_figure" ADD CONSTRAINT "FK_c1988ec65216dc63bdd27fc36fc" FOREIGN KEY ("enterprise_id") REFERENCES "enterprise"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        for (const statement of SEARCH_UP) await queryRunner.query(statement);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const statement of SEARCH_DOWN) await queryRunner.query(statement);
        await queryRunner.query(`ALTER TABLE "enterprise_figure" DROP CONSTRAINT "FK_c1988ec65216dc63bdd27fc36fc"`);
        await queryRunner.query(`ALTER TABLE "chain_segment" DROP CONSTRAINT "FK_6080c9f1423afd99436370e5464"`);
        await queryRunner.query(`ALTER TABLE "chain_segment" DROP CONSTRAINT "FK_94fb11dbdad4333a424010bb43c"`);
        await queryRunner.query(`DROP INDEX "public"."uq_enterprise_figure_period"`);
        await queryRunner.query(`DROP INDEX "public"."idx_enterprise_figure_year"`);
        await queryRunner.query(`DROP TABLE "enterprise_figure"`);
        await queryRunner.query(`DROP INDEX "public"."idx_enterprise_district"`);
        await queryRunner.query(`DROP INDEX "public"."idx_enterprise_name"`);
        await queryRunner.query(`DROP INDEX "public"."uq_enterprise_credit_code"`);
        await queryRunner.query(`DROP TABLE "enterprise"`);
        await queryRunner.query(`DROP TABLE "industry"`);
        await queryRunner.query(`DROP TABLE "district"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_2709a3347ea014ef41cbd46eba"`);
        await queryRunner.query(`DROP TABLE "chain_segment"`);
        await queryRunner.query(`DROP TABLE "chain"`);
        await queryRunner.query(`DROP TABLE "app_user"`);
        await queryRunner.query(`DROP INDEX "public"."idx_audit_entity"`);
        await queryRunner.query(`DROP INDEX "public"."idx_audit_at"`);
        await queryRunner.query(`DROP TABLE "audit_log"`);
    }

}
