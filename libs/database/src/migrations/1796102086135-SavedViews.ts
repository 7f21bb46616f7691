import { MigrationInterface, QueryRunner } from "typeorm";

export class SavedViews1796102086135 implements MigrationInterface {
    name = 'SavedViews1796102086135'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "saved_view" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "owner_id" uuid NOT NULL, "owner_district_codes" text array NOT NULL DEFAULT '{}', "page" character varying(40) NOT NULL, "name" character varying(50) NOT NULL, "shared" boolean NOT NULL DEFAULT false, "state" jsonb NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_be317311b88c1a5e47ad6c19081" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_ff2d597f11e9e6ee7d2c793403" ON "saved_view" ("page", "shared") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e092110d0660edd500b44ba50c" ON "saved_view" ("owner_id", "page", "name") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_e092110d0660edd500b44ba50c"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_ff2d597f11e9e6ee7d2c793403"`);
        await queryRunner.query(`DROP TABLE "saved_view"`);
    }

}
