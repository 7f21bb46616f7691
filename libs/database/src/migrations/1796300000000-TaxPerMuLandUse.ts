import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * TAX_PER_MU_BELOW_10K on the 亩均 evaluation's land basis (issue 16).
 *
 * - `land_use_basis(enterprise, year)`: the evaluation's land of a year, owned + leased from `land_use`; NULL when
 *   the firm has no land_use row that year. The evaluation's `landBasisSql` calls it; its one-pass twin
 *   `landOfYearSql` (libs/evaluation/src/run/evaluation-sql.ts) is tested equal to it.
 * - `tax_per_mu_land_basis(enterprise, year)` (still the tax line's one land rule): `land_use_basis` when the firm
 *   has land recorded for that year, else the registry's `enterprise.land_area_mu`.
 * - `tax_per_mu_refresh`: a row's quotient is the tax of its figure year over the land of that SAME figure year
 *   (亩均税收 of year F = tax of F ÷ land of F, as the evaluation computes it). Before, a carried-forward row used
 *   the land of the row's year while the latest row (which stands for every later year) used its own year's
 *   land; now the quotient belongs to the figure, so every row carrying a figure — including the latest one
 *   standing for later years — shows the same value.
 * - Statement-level triggers on `land_use` (insert/update/delete) refresh the touched enterprises' rows in the
 *   same transaction, as those on enterprise_figure and enterprise do.
 * The data is re-derived by the separate migration BackfillTaxPerMuLandUse.
 */
export class TaxPerMuLandUse1796300000000 implements MigrationInterface {
  name = 'TaxPerMuLandUse1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION land_use_basis(p_enterprise uuid, p_year int) RETURNS numeric
      LANGUAGE sql STABLE AS $$ SELECT sum(lu.area_mu) FROM land_use lu WHERE lu.enterprise_id = p_enterprise AND lu.year = p_year $$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION tax_per_mu_land_basis(p_enterprise uuid, p_year int) RETURNS TABLE (land_area_mu numeric)
      LANGUAGE sql STABLE AS $$ SELECT coalesce(land_use_basis(e.id, p_year), e.land_area_mu) FROM enterprise e WHERE e.id = p_enterprise $$`);
    await queryRunner.query(refreshSql('f.year'));
    for (const [event, tables, rows] of TRIGGERS) {
      const name = `tax_per_mu_on_land_use_${event.toLowerCase()}`;
      await queryRunner.query(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM tax_per_mu_refresh(ARRAY(SELECT DISTINCT x.enterprise_id FROM (${rows}) x)); RETURN NULL; END $$`);
      await queryRunner.query(`CREATE TRIGGER ${name} AFTER ${event} ON land_use REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION ${name}()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [event] of TRIGGERS) {
      const name = `tax_per_mu_on_land_use_${event.toLowerCase()}`;
      await queryRunner.query(`DROP TRIGGER ${name} ON land_use`);
      await queryRunner.query(`DROP FUNCTION ${name}()`);
    }
    await queryRunner.query(refreshSql('y.year'));
    await queryRunner.query(`CREATE OR REPLACE FUNCTION tax_per_mu_land_basis(p_enterprise uuid, p_year int) RETURNS TABLE (land_area_mu numeric)
      LANGUAGE sql STABLE AS $$ SELECT e.land_area_mu FROM enterprise e WHERE e.id = p_enterprise $$`);
    await queryRunner.query(`DROP FUNCTION land_use_basis(uuid, int)`);
    // A derived table follows its definition: with the old basis back, its rows are the old basis's.
    await queryRunner.query(`SELECT tax_per_mu_refresh(ARRAY(SELECT DISTINCT enterprise_id FROM enterprise_figure WHERE quarter = 0 AND tax_paid_yuan IS NOT NULL))`);
  }
}

const TRIGGERS: [string, string, string][] = [
  ['INSERT', 'NEW TABLE AS changed', 'SELECT enterprise_id FROM changed'],
  ['DELETE', 'OLD TABLE AS changed', 'SELECT enterprise_id FROM changed'],
  ['UPDATE', 'OLD TABLE AS before NEW TABLE AS changed', 'SELECT enterprise_id FROM changed UNION SELECT enterprise_id FROM before'],
];

/** tax_per_mu_refresh with the land basis taken in year `landYear` (`f.year`: the figure's year; `y.year`: the row's, as before). */
function refreshSql(landYear: 'f.year' | 'y.year'): string {
  return `CREATE OR REPLACE FUNCTION tax_per_mu_refresh(p_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM enterprise_tax_per_mu t USING unnest(p_ids) AS i(id) WHERE t.enterprise_id = i.id;
        INSERT INTO enterprise_tax_per_mu (enterprise_id, year, figure_year, latest, tax_paid_yuan, land_area_mu, tax_per_mu)
        SELECT f.enterprise_id, y.year, f.year, f.next_year IS NULL,
               f.tax_paid_yuan, l.land_area_mu, CASE WHEN l.land_area_mu > 0 THEN f.tax_paid_yuan / l.land_area_mu END
          FROM (SELECT f.enterprise_id, f.year, f.tax_paid_yuan, lead(f.year) OVER (PARTITION BY f.enterprise_id ORDER BY f.year) AS next_year
                  FROM unnest(p_ids) AS i(id)
                  JOIN enterprise_figure f ON f.enterprise_id = i.id AND f.quarter = 0 AND f.tax_paid_yuan IS NOT NULL) f
          CROSS JOIN LATERAL generate_series(f.year, coalesce(f.next_year - 1, f.year)) AS y(year)
          LEFT JOIN LATERAL tax_per_mu_land_basis(f.enterprise_id, ${landYear}) l ON true;
      END $$`;
}
