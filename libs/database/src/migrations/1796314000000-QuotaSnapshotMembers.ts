import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A frozen quarter's drill-down rows as rows (issue 14 §1): before, every row of every line was a JSON object in
 * `quota_snapshot.payload` (553,465 of them at 1,000,000 enterprises). Snapshots frozen before this keep their
 * payload and are read as they are (no data to move); new ones keep only the lines in the payload, and each
 * list's rows (`quota_snapshot_list`) in chunks of 1,000, column by column (`quota_snapshot_chunk`).
 */
export class QuotaSnapshotMembers1796314000000 implements MigrationInterface {
  name = 'QuotaSnapshotMembers1796314000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "quota_snapshot_list" ("id" SERIAL NOT NULL, "snapshot_id" uuid NOT NULL, "line_code" character varying(60) NOT NULL, "lacking" boolean NOT NULL, CONSTRAINT "pk_quota_snapshot_list" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_quota_snapshot_list" ON "quota_snapshot_list" ("snapshot_id", "line_code", "lacking") `);
    await queryRunner.query(
      `CREATE TABLE "quota_snapshot_chunk" ("list_id" integer NOT NULL, "chunk" integer NOT NULL, "enterprise_ids" uuid array NOT NULL, "credit_codes" text array NOT NULL, "names" text array NOT NULL, "district_codes" text array NOT NULL, "details" text array NOT NULL, "current_values" numeric array NOT NULL, "previous_values" numeric array NOT NULL, CONSTRAINT "pk_quota_snapshot_chunk" PRIMARY KEY ("list_id", "chunk"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "quota_snapshot_chunk"`);
    await queryRunner.query(`DROP INDEX "public"."uq_quota_snapshot_list"`);
    await queryRunner.query(`DROP TABLE "quota_snapshot_list"`);
  }
}
