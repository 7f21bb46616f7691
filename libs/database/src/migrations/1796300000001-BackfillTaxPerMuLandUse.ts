import { MigrationInterface, QueryRunner } from 'typeorm';

/** Re-derives enterprise_tax_per_mu on the land basis of TaxPerMuLandUse (land_use of the figure year, else the registry's area). */
export class BackfillTaxPerMuLandUse1796300000001 implements MigrationInterface {
  name = 'BackfillTaxPerMuLandUse1796300000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SELECT tax_per_mu_refresh(ARRAY(SELECT DISTINCT enterprise_id FROM enterprise_figure WHERE quarter = 0 AND tax_paid_yuan IS NOT NULL))`);
  }

  /** Nothing to undo here: TaxPerMuLandUse's down restores the registry-only basis and re-derives the rows with it. */
  public async down(): Promise<void> {}
}
