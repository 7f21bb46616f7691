import { EntityManager } from 'typeorm';

/** A deterministic fraction in [0, 1) from an enterprise id and a salt, in SQL (hashtext is stable). */
const frac = (salt: string) => `((hashtext(e.id::text || '${salt}') & 2147483647) % 100000 / 100000.0)`;

/**
 * Synthetic land and evaluation figures for a year, for the demo and the 1,000,000-enterprise city:
 * set-based, derived from each firm's registered land area and its figures of the year, and
 * deterministic (the same database gives the same rows). Only missing rows are added.
 */
export async function generateEvaluationData(manager: EntityManager, year: number): Promise<{ landRows: number; figureRows: number }> {
  const [land]: { n: number }[] = await manager.query(
    `WITH ins AS (INSERT INTO land_use (enterprise_id, year, tenure, area_mu, in_use_since, verified_by, verified_on, source, version)
     SELECT e.id, $1::int, CASE WHEN ${frac('t')} < 0.12 THEN 'LEASED' ELSE 'OWNED' END,
       round(greatest(0.5, e.land_area_mu * (0.9 + 0.2 * ${frac('a')}))::numeric, 2),
       least(make_date($1::int, 12, 31), coalesce(e.founded_on, make_date($1::int - 10, 1, 1)) + (${frac('u')} * 900)::int),
       '区县自然资源部门', make_date($1::int + 1, 3, 15), CASE WHEN ${frac('t')} < 0.12 THEN '租赁合同' ELSE '不动产登记' END, 1
     FROM enterprise e WHERE NOT e.archived AND e.land_area_mu > 0
     ON CONFLICT (enterprise_id, year, tenure) DO NOTHING RETURNING 1) SELECT count(*)::int AS n FROM ins`,
    [year],
  );
  const [figures]: { n: number }[] = await manager.query(
    `WITH ins AS (INSERT INTO evaluation_figure (enterprise_id, year, evaluation_tax_yuan, electricity_kwh, emissions_tonnes, main_revenue_yuan, average_employees, version)
     SELECT e.id, $1::int, round(f.tax_paid_yuan * (0.85 + 0.15 * ${frac('x')}), 2),
       round(f.operating_revenue_yuan * (0.01 + 0.08 * ${frac('k')}), 2),
       round(coalesce(f.energy_use_tce, 0) * (0.002 + 0.01 * ${frac('m')}), 3),
       round(f.operating_revenue_yuan * (0.85 + 0.15 * ${frac('r')}), 2),
       greatest(1, round(coalesce(f.employees, 10) * (0.9 + 0.1 * ${frac('p')})))::int, 1
     FROM enterprise e JOIN enterprise_figure f ON f.enterprise_id = e.id AND f.year = $1::int AND f.quarter = 0
     WHERE NOT e.archived
     ON CONFLICT (enterprise_id, year) DO NOTHING RETURNING 1) SELECT count(*)::int AS n FROM ins`,
    [year],
  );
  return { landRows: land.n, figureRows: figures.n };
}
