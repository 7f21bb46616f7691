import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `evaluation_result` becomes a table partitioned by year, so the yearly 亩均 run can build a year's
 * 1,000,000 rows in a fresh table (indexes built after the load, no dead rows of the previous run)
 * and swap it in for the year's partition. No rows move: the existing table is attached as the
 * DEFAULT partition, where the years computed before stay until they are recomputed. A partitioned
 * table's keys must hold the partition column, so the primary key becomes (id, year); ids stay unique.
 */
export class EvaluationResultByYear1796400000000 implements MigrationInterface {
  name = 'EvaluationResultByYear1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evaluation_result" DROP CONSTRAINT "PK_1f78378726bcb3c63fcd48f569c"`);
    await queryRunner.query(`ALTER TABLE "evaluation_result" RENAME TO "evaluation_result_default"`);
    await queryRunner.query(`ALTER INDEX "uq_evaluation_result_year_enterprise" RENAME TO "evaluation_result_default_year_enterprise_id_key"`);
    await queryRunner.query(`ALTER INDEX "idx_evaluation_result_year_class" RENAME TO "evaluation_result_default_year_final_class_idx"`);
    await queryRunner.query(`CREATE TABLE "evaluation_result" (LIKE "evaluation_result_default" INCLUDING DEFAULTS) PARTITION BY LIST ("year")`);
    await queryRunner.query(`ALTER TABLE "evaluation_result" ADD CONSTRAINT "PK_ebbee8ed8dca335545b8a77701c" PRIMARY KEY ("id", "year")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_evaluation_result_year_enterprise" ON "evaluation_result" ("year", "enterprise_id") `);
    await queryRunner.query(`CREATE INDEX "idx_evaluation_result_year_class" ON "evaluation_result" ("year", "final_class") `);
    await queryRunner.query(`ALTER TABLE "evaluation_result" ATTACH PARTITION "evaluation_result_default" DEFAULT`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Rows of the yearly partitions go back into the one table, then the parent and its partitions go.
    await queryRunner.query(`ALTER TABLE "evaluation_result" DETACH PARTITION "evaluation_result_default"`);
    await queryRunner.query(`INSERT INTO "evaluation_result_default" SELECT * FROM "evaluation_result"`);
    await queryRunner.query(`DROP TABLE "evaluation_result"`);
    const [pk]: { name: string }[] = await queryRunner.query(
      `SELECT conname AS name FROM pg_constraint WHERE conrelid = 'evaluation_result_default'::regclass AND contype = 'p'`,
    );
    if (pk) await queryRunner.query(`ALTER TABLE "evaluation_result_default" DROP CONSTRAINT "${pk.name}"`);
    await queryRunner.query(`ALTER TABLE "evaluation_result_default" RENAME TO "evaluation_result"`);
    await queryRunner.query(`ALTER INDEX "evaluation_result_default_year_enterprise_id_key" RENAME TO "uq_evaluation_result_year_enterprise"`);
    await queryRunner.query(`ALTER INDEX "evaluation_result_default_year_final_class_idx" RENAME TO "idx_evaluation_result_year_class"`);
    await queryRunner.query(`ALTER TABLE "evaluation_result" ADD CONSTRAINT "PK_1f78378726bcb3c63fcd48f569c" PRIMARY KEY ("id")`);
  }
}
