import { MigrationInterface, QueryRunner } from "typeorm";

export class ChangeRequests1795718055499 implements MigrationInterface {
    name = 'ChangeRequests1795718055499'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "change_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "enterprise_id" uuid NOT NULL, "kind" character varying(10) NOT NULL, "status" character varying(10) NOT NULL, "year" smallint, "quarter" smallint, "base_version" integer, "changes" jsonb NOT NULL DEFAULT '{}', "previous" jsonb NOT NULL DEFAULT '{}', "applied_at_once" jsonb NOT NULL DEFAULT '{}', "note" text, "submitted_by_id" uuid, "submitted_by_username" character varying(64) NOT NULL, "reviewed_by_id" uuid, "reviewed_by_username" character varying(64), "reviewed_at" TIMESTAMP WITH TIME ZONE, "decision_reason" text, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_75687d06f07daedcb0de54d75e6" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_change_request_submitter" ON "change_request" ("submitted_by_id", "created_at") `);
        await queryRunner.query(`CREATE INDEX "idx_change_request_status" ON "change_request" ("status", "created_at") `);
        await queryRunner.query(`CREATE INDEX "idx_change_request_enterprise" ON "change_request" ("enterprise_id", "status") `);
        await queryRunner.query(`ALTER TABLE "audit_log" ADD "enterprise_id" uuid`);
        await queryRunner.query(`CREATE INDEX "idx_audit_enterprise" ON "audit_log" ("enterprise_id", "at") `);
        await queryRunner.query(`ALTER TABLE "change_request" ADD CONSTRAINT "FK_3255203cde8eebeacb76c820e92" FOREIGN KEY ("enterprise_id") REFERENCES "enterprise"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "change_request" DROP CONSTRAINT "FK_3255203cde8eebeacb76c820e92"`);
        await queryRunner.query(`DROP INDEX "public"."idx_audit_enterprise"`);
        await queryRunner.query(`ALTER TABLE "audit_log" DROP COLUMN "enterprise_id"`);
        await queryRunner.query(`DROP INDEX "public"."idx_change_request_enterprise"`);
        await queryRunner.query(`DROP INDEX "public"."idx_change_request_status"`);
        await queryRunner.query(`DROP INDEX "public"."idx_change_request_submitter"`);
        await queryRunner.query(`DROP TABLE "change_request"`);
    }

}
