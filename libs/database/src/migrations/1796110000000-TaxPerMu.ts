import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tax-per-mu line's data kept by PostgreSQL itself, so quota progress stops re-deriving it from every
 * yearly figure on each request (at 1,000,000 enterprises: a 4M-row sort spilling to disk, 87 % of 14 s).
 *
 * `enterprise_tax_per_mu` holds, per enterprise and year, the latest yearly tax figure (quarter 0, tax present)
 * up to that year: its year (`figure_year`), the tax, the land basis and their quotient — one row for every
 * year from the enterprise's first such figure to its last (`latest` marks the last, which also stands for
 * every later year). "The latest yearly tax figure up to the plan year Y" is then the row of year Y, or the
 * `latest` row when it is older than Y. Statement-level triggers on enterprise_figure and enterprise refresh the
 * rows of the enterprises a statement touched, in the same transaction (forms, imports, COPY alike): the table
 * is never stale and is never written by the application.
 *
 * The land basis is ONE function, `tax_per_mu_land_basis(enterprise, year)`: today the enterprise's land area.
 * Pointing it at another source (the 亩均 evaluation's yearly land use) means replacing that function, adding a
 * trigger on the new source that calls `tax_per_mu_refresh`, and re-running the backfill.
 *
 * Also: an index on the yearly figures by year, quarter and revenue, so each scale-tier line reads the few
 * figures at or over its tier (0.5–0.7 s → a few ms at 1,000,000).
 */
export class TaxPerMu1796110000000 implements MigrationInterface {
  name = 'TaxPerMu1796110000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX idx_enterprise_figure_year_revenue ON enterprise_figure (year, quarter, operating_revenue_yuan)`);
    // Archived enterprises apart: a count over live ones checks the few archived instead of reading every enterprise.
    await queryRunner.query(`CREATE INDEX idx_enterprise_archived ON enterprise (id) WHERE archived`);
    await queryRunner.query(`CREATE TABLE enterprise_tax_per_mu (
      enterprise_id uuid NOT NULL,
      year smallint NOT NULL,
      figure_year smallint NOT NULL,
      latest boolean NOT NULL,
      tax_paid_yuan numeric(20,2) NOT NULL,
      land_area_mu numeric,
      tax_per_mu numeric,
      PRIMARY KEY (enterprise_id, year))`);
    // No foreign key: deleting an enterprise deletes its figures (cascade), whose trigger removes its rows; a
    // key check per derived row would double the cost of bulk figure writes.
    await queryRunner.query(`COMMENT ON TABLE enterprise_tax_per_mu IS 'Derived from enterprise_figure (quarter 0) and tax_per_mu_land_basis by triggers; never written by the application'`);
    // The threshold count: the plan year's rows below a threshold, and the latest rows of enterprises without one.
    await queryRunner.query(`CREATE INDEX idx_enterprise_tax_per_mu_below ON enterprise_tax_per_mu (year, tax_per_mu) INCLUDE (enterprise_id)`);
    await queryRunner.query(`CREATE INDEX idx_enterprise_tax_per_mu_latest ON enterprise_tax_per_mu (year, tax_per_mu) INCLUDE (enterprise_id) WHERE latest`);
    await queryRunner.query(`CREATE FUNCTION tax_per_mu_land_basis(p_enterprise uuid, p_year int) RETURNS TABLE (land_area_mu numeric)
      LANGUAGE sql STABLE AS $$ SELECT e.land_area_mu FROM enterprise e WHERE e.id = p_enterprise $$`);
    await queryRunner.query(`CREATE FUNCTION tax_per_mu_refresh(p_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM enterprise_tax_per_mu t USING unnest(p_ids) AS i(id) WHERE t.enterprise_id = i.id;
        INSERT INTO enterprise_tax_per_mu (enterprise_id, year, figure_year, latest, tax_paid_yuan, land_area_mu, tax_per_mu)
        SELECT f.enterprise_id, y.year, f.year, f.next_year IS NULL,
               f.tax_paid_yuan, l.land_area_mu, CASE WHEN l.land_area_mu > 0 THEN f.tax_paid_yuan / l.land_area_mu END
          FROM (SELECT f.enterprise_id, f.year, f.tax_paid_yuan, lead(f.year) OVER (PARTITION BY f.enterprise_id ORDER BY f.year) AS next_year
                  FROM unnest(p_ids) AS i(id)
                  JOIN enterprise_figure f ON f.enterprise_id = i.id AND f.quarter = 0 AND f.tax_paid_yuan IS NOT NULL) f
          CROSS JOIN LATERAL generate_series(f.year, coalesce(f.next_year - 1, f.year)) AS y(year)
          LEFT JOIN LATERAL tax_per_mu_land_basis(f.enterprise_id, y.year) l ON true;
      END $$`);
    for (const [event, tables, rows] of [
      ['INSERT', 'NEW TABLE AS changed', 'SELECT enterprise_id FROM changed WHERE quarter = 0'],
      ['DELETE', 'OLD TABLE AS changed', 'SELECT enterprise_id FROM changed WHERE quarter = 0'],
      ['UPDATE', 'OLD TABLE AS before NEW TABLE AS changed', 'SELECT enterprise_id FROM changed WHERE quarter = 0 UNION SELECT enterprise_id FROM before WHERE quarter = 0'],
    ]) {
      const name = `tax_per_mu_on_figure_${event.toLowerCase()}`;
      await queryRunner.query(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM tax_per_mu_refresh(ARRAY(SELECT DISTINCT x.enterprise_id FROM (${rows}) x)); RETURN NULL; END $$`);
      await queryRunner.query(`CREATE TRIGGER ${name} AFTER ${event} ON enterprise_figure REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION ${name}()`);
    }
    await queryRunner.query(`CREATE FUNCTION tax_per_mu_on_enterprise_update() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE ids uuid[];
      BEGIN
        ids := ARRAY(SELECT n.id FROM changed n JOIN before o ON o.id = n.id WHERE n.land_area_mu IS DISTINCT FROM o.land_area_mu);
        IF cardinality(ids) > 0 THEN PERFORM tax_per_mu_refresh(ids); END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER tax_per_mu_on_enterprise_update AFTER UPDATE ON enterprise REFERENCING OLD TABLE AS before NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION tax_per_mu_on_enterprise_update()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER tax_per_mu_on_enterprise_update ON enterprise`);
    await queryRunner.query(`DROP FUNCTION tax_per_mu_on_enterprise_update()`);
    for (const event of ['insert', 'delete', 'update']) {
      await queryRunner.query(`DROP TRIGGER tax_per_mu_on_figure_${event} ON enterprise_figure`);
      await queryRunner.query(`DROP FUNCTION tax_per_mu_on_figure_${event}()`);
    }
    await queryRunner.query(`DROP FUNCTION tax_per_mu_refresh(uuid[])`);
    await queryRunner.query(`DROP FUNCTION tax_per_mu_land_basis(uuid, int)`);
    await queryRunner.query(`DROP TABLE enterprise_tax_per_mu`);
    await queryRunner.query(`DROP INDEX idx_enterprise_archived`);
    await queryRunner.query(`DROP INDEX idx_enterprise_figure_year_revenue`);
  }
}
