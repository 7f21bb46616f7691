import { MigrationInterface, QueryRunner } from "typeorm";

export class Notifications1796101847200 implements MigrationInterface {
    name = 'Notifications1796101847200'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "dedupe_key" character varying(200) NOT NULL, "title" character varying(200) NOT NULL, "body" text NOT NULL DEFAULT '', "link" character varying(300), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "idx_notification_user_created" ON "notification" ("user_id", "created_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_notification_user_key" ON "notification" ("user_id", "dedupe_key") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."uq_notification_user_key"`);
        await queryRunner.query(`DROP INDEX "public"."idx_notification_user_created"`);
        await queryRunner.query(`DROP TABLE "notification"`);
    }

}
