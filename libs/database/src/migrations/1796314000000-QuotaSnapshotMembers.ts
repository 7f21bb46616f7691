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
      `CREATE TABLE "quota_snapshot_member" ("snapshot_id" uuid NOT NULL, "line_code" character varying(60) NOT NULL, "lacking" boolean NOT NULL, "seq" integer NOT NULL, "enterprise_id" uuid, "name" text, "district_code" character varying(20), "detail" text NOT NULL, "current_value" numeric, "previous_value" numeric, CONSTRAINT "pk_quota_snapshot_member" PRIMARY KEY ("snapshot_id", "line_code", "lacking", "seq"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "quota_snapshot_enterprise" ("snapshot_id" uuid NOT NULL, "enterprise_id" uuid NOT NULL, "credit_code" character varying(18) NOT NULL, "name" character varying(200) NOT NULL, CONSTRAINT "pk_quota_snapshot_enterprise" PRIMARY KEY ("snapshot_id", "enterprise_id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "quota_snapshot_enterprise"`);
    await queryRunner.query(`DROP TABLE "quota_snapshot_member"`);
  }
}
