import { MigrationInterface, QueryRunner } from 'typeorm';

/** Fills enterprise_tax_per_mu from the figures already recorded (the triggers keep it from then on). */
export class BackfillTaxPerMu1796110000001 implements MigrationInterface {
  name = 'BackfillTaxPerMu1796110000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SELECT tax_per_mu_refresh(ARRAY(SELECT DISTINCT enterprise_id FROM enterprise_figure WHERE quarter = 0 AND tax_paid_yuan IS NOT NULL))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM enterprise_tax_per_mu`);
  }
}
