import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The yearly 亩均 run inserts one result row per firm (1,000,000 in the benchmark city). The foreign
 * key to enterprise checked and key-share-locked each referenced enterprise row, one by one, which
 * dirtied the whole enterprise table on every run. The key is replaced by a statement-level trigger
 * that keeps the cascade: deleting enterprises deletes their results.
 */
export class EvaluationResultNoForeignKey1796200000001 implements MigrationInterface {
  name = 'EvaluationResultNoForeignKey1796200000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evaluation_result" DROP CONSTRAINT "FK_fba10a303d809a84f8c812f228a"`);
    await queryRunner.query(`CREATE FUNCTION evaluation_result_on_enterprise_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN DELETE FROM evaluation_result r USING removed d WHERE r.enterprise_id = d.id; RETURN NULL; END $$`);
    await queryRunner.query(
      `CREATE TRIGGER evaluation_result_on_enterprise_delete AFTER DELETE ON enterprise REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION evaluation_result_on_enterprise_delete()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER evaluation_result_on_enterprise_delete ON enterprise`);
    await queryRunner.query(`DROP FUNCTION evaluation_result_on_enterprise_delete()`);
    await queryRunner.query(`DELETE FROM "evaluation_result" r WHERE NOT EXISTS (SELECT 1 FROM "enterprise" e WHERE e.id = r."enterprise_id")`);
    await queryRunner.query(
      `ALTER TABLE "evaluation_result" ADD CONSTRAINT "FK_fba10a303d809a84f8c812f228a" FOREIGN KEY ("enterprise_id") REFERENCES "enterprise"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }
}
