import { MigrationInterface, QueryRunner } from "typeorm";

export class Cultivation1795717711859 implements MigrationInterface {
    name = 'Cultivation1795717711859'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "chain_membership" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "enterprise_id" uuid NOT NULL, "chain_id" uuid NOT NULL, "segment_id" uuid, "main_products" text, "key_enterprise" boolean NOT NULL DEFAULT false, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_93824fce0226213e3f09c2c2ad9" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_chain_membership_chain" ON "chain_membership" ("chain_id", "segment_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_chain_membership" ON "chain_membership" ("enterprise_id", "chain_id") `);
        await queryRunner.query(`CREATE TABLE "community_member" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "community_id" uuid NOT NULL, "enterprise_id" uuid NOT NULL, "role" character varying(30) NOT NULL, "joined_on" date NOT NULL, "left_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_520250d7bb8234f4149f5ff9b46" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_community_member_enterprise" ON "community_member" ("enterprise_id") `);
        await queryRunner.query(`CREATE INDEX "idx_community_member_community" ON "community_member" ("community_id") `);
        await queryRunner.query(`CREATE TABLE "community" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "chain_id" uuid NOT NULL, "lead_enterprise_id" uuid NOT NULL, "status" character varying(12) NOT NULL, "planned_on" date, "formed_on" date, "dissolved_on" date, "description" text NOT NULL DEFAULT '', "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cae794115a383328e8923de4193" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_community_chain" ON "community" ("chain_id") `);
        await queryRunner.query(`CREATE TABLE "designation_event" ("id" BIGSERIAL NOT NULL, "designation_id" uuid NOT NULL, "from_status" character varying(20), "to_status" character varying(20) NOT NULL, "effective_on" date NOT NULL, "reason" text, "actor_id" uuid, "actor_username" character varying(64), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7270e48d880ccfeb8d17a2d0cd0" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_designation_event_designation" ON "designation_event" ("designation_id", "effective_on") `);
        await queryRunner.query(`CREATE TABLE "designation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "enterprise_id" uuid NOT NULL, "type" character varying(30) NOT NULL, "level" character varying(12) NOT NULL, "chain_id" uuid, "product_name" character varying(200), "product_code" character varying(50), "status" character varying(20) NOT NULL, "batch" character varying(50), "year" smallint, "notice_no" character varying(100), "recognising_body" character varying(100), "recognised_on" date, "expires_on" date, "evidence" text, "tagged_by_id" uuid, "tagged_by_username" character varying(64), "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8c84a3c335a852ff2d426cb0112" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_designation_type_status" ON "designation" ("type", "status") `);
        await queryRunner.query(`CREATE INDEX "idx_designation_enterprise" ON "designation" ("enterprise_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."idx_designation_enterprise"`);
        await queryRunner.query(`DROP INDEX "public"."idx_designation_type_status"`);
        await queryRunner.query(`DROP TABLE "designation"`);
        await queryRunner.query(`DROP INDEX "public"."idx_designation_event_designation"`);
        await queryRunner.query(`DROP TABLE "designation_event"`);
        await queryRunner.query(`DROP INDEX "public"."idx_community_chain"`);
        await queryRunner.query(`DROP TABLE "community"`);
        await queryRunner.query(`DROP INDEX "public"."idx_community_member_community"`);
        await queryRunner.query(`DROP INDEX "public"."idx_community_member_enterprise"`);
        await queryRunner.query(`DROP TABLE "community_member"`);
        await queryRunner.query(`DROP INDEX "public"."uq_chain_membership"`);
        await queryRunner.query(`DROP INDEX "public"."idx_chain_membership_chain"`);
        await queryRunner.query(`DROP TABLE "chain_membership"`);
    }

}
