import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A frozen quarter's drill-down rows as rows (issue 14 §1): before, every row of every line was a JSON object in
 * `quota_snapshot.payload` (553,465 of them at 1,000,000 enterprises). Snapshots frozen before this keep their
 * payload and are read as they are (no data to move); new ones keep only the lines in the payload.
 */
export class QuotaSnapshotMembers1796314000000 implements MigrationInterface {
  name = 'QuotaSnapshotMembers1796314000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "quota_snapshot_list" ("id" SERIAL NOT NULL, "snapshot_id" uuid NOT NULL, "line_code" character varying(60) NOT NULL, "lacking" boolean NOT NULL, CONSTRAINT "pk_quota_snapshot_list" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_quota_snapshot_list" ON "quota_snapshot_list" ("snapshot_id", "line_code", "lacking") `);
    await queryRunner.query(
      `CREATE TABLE "quota_snapshot_member" ("list_id" integer NOT NULL, "seq" integer NOT NULL, "enterprise_id" uuid, "credit_code" character varying(18), "name" text, "district_code" character varying(20), "detail" text NOT NULL, "current_value" numeric, "previous_value" numeric, CONSTRAINT "pk_quota_snapshot_member" PRIMARY KEY ("list_id", "seq"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "quota_snapshot_member"`);
    await queryRunner.query(`DROP INDEX "public"."uq_quota_snapshot_list"`);
    await queryRunner.query(`DROP TABLE "quota_snapshot_list"`);
  }
}
