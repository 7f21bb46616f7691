import { DataSource } from 'typeorm';

import { defaultExpirySql, transitionAllowedSql, typeValiditySql } from '@app/core';
import { withCheckCharacter } from '@app/registry';

import { syntheticName } from './synthetic-names';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const BATCH = 10_000;

export interface CityCounts {
  enterprises: number;
  figures: number;
  designations: number;
  designationEvents: number;
  chainMemberships: number;
  communities: number;
  communityMembers: number;
}

/**
 * Share of generated enterprises that get each tier or recognition (any status). The generator
 * picks exactly round(share × N) of the new enterprises per type, by a seeded hash of the credit code.
 */
export const DEMO_DESIGNATION_SHARES: readonly { type: string; level: string; share: number }[] = [
  { type: 'INNOVATIVE_SME', level: 'PROVINCIAL', share: 0.05 },
  { type: 'SPECIALIZED_SME', level: 'PROVINCIAL', share: 0.02 },
  { type: 'LITTLE_GIANT', level: 'NATIONAL', share: 0.004 },
  { type: 'SINGLE_CHAMPION', level: 'NATIONAL', share: 0.0008 },
  { type: 'BIG_EXCELLENT_STRONG', level: 'MUNICIPAL', share: 0.002 },
];

export const DEFAULT_DEMO_SEED = 2022;

/**
 * A uniform number in [0, 1) from the seed, a tag and a row's key (SQL). Unlike random() it is
 * evaluated per row, since it reads a row's column (random() in a qual on a VALUES list ran once per
 * statement: every enterprise or none), and the same seed gives the same city.
 */
function unit(seed: number, tag: string, key: string): string {
  return `(('x' || substr(md5('${seed}:${tag}:' || ${key}), 1, 8))::bit(32)::bigint / 4294967296.0)`;
}

/** A tiny deterministic PRNG (mulberry32), so a city for a given seed is the same every time. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function base31(n: number, width: number): string {
  let s = '';
  for (let i = 0; i < width; i++) {
    s = ALPHABET[n % 31] + s;
    n = Math.floor(n / 31);
  }
  return s;
}

/**
 * Builds a synthetic city: enterprises are generated here and sent in batches of 10,000 as
 * arrays (`INSERT … SELECT FROM unnest(…)`, close to COPY speed); figures, designations with
 * their event history, chain memberships and communities are derived in SQL on the server.
 */
export class CityGenerator {
  constructor(
    private readonly dataSource: DataSource,
    private readonly say: (line: string) => void,
  ) {}

  async generate(count: number, seed = DEFAULT_DEMO_SEED): Promise<CityCounts> {
    if (!Number.isSafeInteger(seed)) throw new Error('seed must be a whole number');
    const random = rng(seed);
    const u = (tag: string, key: string) => unit(seed, tag, key);
    const districts: { code: string }[] = await this.dataSource.query(
      `SELECT code FROM district WHERE kind IN ('DISTRICT', 'COUNTY', 'COUNTY_CITY') AND NOT retired ORDER BY code`,
    );
    const industries: { code: string; section: string }[] = await this.dataSource.query(
      `SELECT i.code, coalesce(d.parent_code, d.code) AS section FROM industry i
         JOIN industry d ON d.code = CASE WHEN i.code ~ '^[A-T]$' THEN i.code ELSE substr(i.code, 1, 2) END
        WHERE length(i.code) = 4 ORDER BY i.code`,
    );
    if (!districts.length || !industries.length) throw new Error('reference data missing: run `cli seed` first');
    const [{ n: existing }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM enterprise`);
    const started = new Date(Date.now() - 1000).toISOString();

    const t0 = Date.now();
    const inFlight: Promise<unknown>[] = [];
    for (let done = 0; done < count; ) {
      const size = Math.min(BATCH, count - done);
      const cols: unknown[][] = Array.from({ length: 15 }, () => []);
      for (let i = 0; i < size; i++) {
        const serial = existing + done + i + 1;
        const district = districts[Math.floor(random() * districts.length)].code;
        // Manufacturing dominates Ningbo's registry of interest; weight C-section classes.
        const industry = industries[Math.floor(random() * industries.length)];
        const year = 1985 + Math.floor(random() * 38);
        const values = [
          withCheckCharacter(`91${district}${base31(serial, 9)}`),
          syntheticName(random, industry.code),
          district,
          industry.code,
          industry.section,
          `宁波市${Math.floor(random() * 900) + 1}号`,
          `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
          (Math.round(Math.exp(13 + random() * 6)) * 100).toFixed(2),
          random() < 0.95 ? 'ACTIVE' : random() < 0.5 ? 'SUSPENDED' : 'DEREGISTERED',
          random() < 0.15,
          (random() * 200).toFixed(2),
          random() < 0.6 ? '联系人' + (serial % 997) : null,
          random() < 0.6 ? `0574-8${String(serial % 10_000_000).padStart(7, '0')}` : null,
          random() < 0.3 ? `contact${serial}@example.cn` : null,
          random() < 0.1 ? '甬' + (serial % 1000) : null,
        ];
        values.forEach((v, k) => cols[k].push(v));
      }
      // Keep two batches in flight: the server indexes one while this process builds the next.
      if (inFlight.length >= 2) await inFlight.shift();
      const insert = this.dataSource.query(
        `INSERT INTO enterprise (credit_code, name, district_code, industry_code, industry_section, address, founded_on, registered_capital_yuan,
                                 status, above_scale, land_area_mu, contact_person, contact_phone, contact_email, short_name, version)
         SELECT c, n, d, i, s, a, f, r, st, ab, l, cp, ph, em, sn, 1
           FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::char(1)[], $6::varchar[], $7::date[], $8::numeric[],
                       $9::varchar[], $10::boolean[], $11::numeric[], $12::varchar[], $13::varchar[], $14::varchar[], $15::varchar[])
                AS x(c, n, d, i, s, a, f, r, st, ab, l, cp, ph, em, sn)`,
        cols,
      );
      inFlight.push(insert);
      insert.catch(() => undefined);
      done += size;
      const rate = Math.round(done / Math.max((Date.now() - t0) / 1000, 0.001));
      this.say(`enterprises ${done.toLocaleString('en-US')}/${count.toLocaleString('en-US')} (${rate.toLocaleString('en-US')} rows/s)`);
    }

    await Promise.all(inFlight);
    const run = { started };
    const figures = await this.step('figures 2020–2023', `
      WITH b AS (
        SELECT id, credit_code,
               exp(15 + 2.5 * ${u('base', 'credit_code')}) * CASE WHEN above_scale THEN 20 ELSE 1 END * CASE WHEN ${u('big', 'credit_code')} < 0.0005 THEN 60 ELSE 1 END AS base,
               100 * ${u('staff', 'credit_code')} + 10 AS staff
          FROM enterprise WHERE created_at >= $1)
      INSERT INTO enterprise_figure (enterprise_id, year, quarter, operating_revenue_yuan, industrial_output_yuan, tax_paid_yuan, rd_spend_yuan,
                                     value_added_yuan, employees, energy_use_tce, version)
      SELECT b.id, y, 0, r, round(r * 0.93, 2), round(r * 0.045, 2), round(r * 0.035, 2), round(r * 0.22, 2),
             round(b.staff * power(1.03, y - 2020))::int, round((r / 2000000)::numeric, 3), 1
        FROM b CROSS JOIN generate_series(2020, 2023) AS y
        CROSS JOIN LATERAL (SELECT round((b.base * power(1.08, y - 2020) * (0.9 + 0.2 * ${u('revenue', "b.credit_code || y")}))::numeric, 2) AS r) AS v`, [run.started]);

    const chainMemberships = await this.step('chain memberships', `
      WITH chains AS (SELECT array_agg(id ORDER BY sort_order, code) AS ids FROM chain)
      INSERT INTO chain_membership (enterprise_id, chain_id, segment_id, main_products, key_enterprise, version)
      SELECT m.id, m.chain_id,
             (SELECT s.id FROM chain_segment s WHERE s.chain_id = m.chain_id ORDER BY md5(s.code || m.credit_code), s.code LIMIT 1),
             NULL, ${u('key', 'm.credit_code')} < 0.1, 1
        FROM (SELECT e.id, e.credit_code, chains.ids[1 + floor(${u('chain', 'e.credit_code')} * cardinality(chains.ids))::int] AS chain_id
                FROM enterprise e, chains
               WHERE e.created_at >= $1 AND e.industry_section = 'C' AND ${u('member', 'e.credit_code')} < 0.25) AS m
       WHERE m.chain_id IS NOT NULL`, [run.started]);

    // Tiers and recognitions: exactly round(share × N) per type, a seeded sample of the new enterprises;
    // about 8% are closed (expired or revoked), the rest live.
    const designations = await this.step('designations', `
      WITH fresh AS (SELECT id, credit_code FROM enterprise WHERE created_at >= $1),
      ranked AS (
        SELECT e.id, t.type, t.level, t.share, row_number() OVER (PARTITION BY t.type ORDER BY md5('${seed}:' || t.type || ':' || e.credit_code)) AS k
          FROM fresh e CROSS JOIN unnest($2::text[], $3::text[], $4::float8[]) AS t(type, level, share)
      ), picks AS (
        SELECT r.id AS enterprise_id, r.type, r.level, NULL::uuid AS chain_id
          FROM ranked r WHERE r.k <= round(r.share * (SELECT count(*) FROM fresh))
        UNION ALL
        SELECT m.enterprise_id, CASE WHEN r < 0.04 THEN 'CHAIN_CORE' ELSE 'CHAIN_BASE' END, 'MUNICIPAL', m.chain_id
          FROM (SELECT m.*, ${u('chain-tier', 'e.credit_code')} AS r FROM chain_membership m JOIN enterprise e ON e.id = m.enterprise_id WHERE e.created_at >= $1) m
         WHERE m.r < 0.16
        UNION ALL
        (SELECT DISTINCT ON (m.chain_id) m.enterprise_id, 'CHAIN_LEADER', 'MUNICIPAL', m.chain_id
           FROM chain_membership m JOIN enterprise e ON e.id = m.enterprise_id
          WHERE e.created_at >= $1 AND e.above_scale
            AND NOT EXISTS (SELECT 1 FROM designation d WHERE d.type = 'CHAIN_LEADER' AND d.chain_id = m.chain_id)
          ORDER BY m.chain_id, md5('${seed}:' || e.credit_code))
      ), dated AS (
        SELECT p.*, (date '2019-01-01' + (${u('recognised', "e.credit_code || p.type")} * 1700)::int) AS recognised_on, ${u('status', "e.credit_code || p.type")} AS r
          FROM picks p JOIN enterprise e ON e.id = p.enterprise_id
      )
      INSERT INTO designation (enterprise_id, type, level, chain_id, status, year, batch, recognised_on, expires_on, recognising_body, tagged_by_username, version)
      SELECT enterprise_id, type, level, chain_id,
             CASE WHEN r < 0.05 THEN 'EXPIRED' WHEN r < 0.08 THEN 'REVOKED' WHEN r < 0.15 THEN 'CANDIDATE' ELSE 'RECOGNISED' END,
             extract(year FROM recognised_on)::int, '第' || (extract(year FROM recognised_on)::int - 2018) || '批',
             recognised_on, CASE WHEN r >= 0.08 AND r < 0.15 THEN NULL ELSE ${defaultExpirySql(typeValiditySql('type'), 'recognised_on')} END,
             CASE level WHEN 'NATIONAL' THEN '工业和信息化部' WHEN 'PROVINCIAL' THEN '浙江省经济和信息化厅' ELSE '宁波市经济和信息化局' END,
             'generate-demo', 1
        FROM dated`, [run.started, DEMO_DESIGNATION_SHARES.map((d) => d.type), DEMO_DESIGNATION_SHARES.map((d) => d.level), DEMO_DESIGNATION_SHARES.map((d) => d.share)]);

    // History: every designation started as a candidate, then moved on at its recognition date; each event
    // keeps the expiry in force from it on, and only legal steps are written (the state machine's SQL twin).
    const events = await this.step('designation events', `
      INSERT INTO designation_event (designation_id, from_status, to_status, effective_on, expires_on, reason, actor_username)
      SELECT d.id, s.from_status, s.to_status, s.effective_on, CASE WHEN s.to_status <> 'CANDIDATE' THEN d.expires_on END, s.reason, 'generate-demo'
        FROM designation d JOIN enterprise e ON e.id = d.enterprise_id
        CROSS JOIN LATERAL (VALUES
          (NULL, 'CANDIDATE', d.recognised_on - 120, '列入培育名单'),
          (CASE WHEN d.status <> 'CANDIDATE' THEN 'CANDIDATE' END, CASE WHEN d.status <> 'CANDIDATE' THEN 'RECOGNISED' END, d.recognised_on, '认定'),
          (CASE WHEN d.status IN ('EXPIRED', 'REVOKED') THEN 'RECOGNISED' END, CASE WHEN d.status IN ('EXPIRED', 'REVOKED') THEN d.status END,
           least(d.recognised_on + 900, date '2023-12-31'), CASE d.status WHEN 'EXPIRED' THEN '到期未复核' ELSE '撤销' END)
        ) AS s(from_status, to_status, effective_on, reason)
       WHERE e.created_at >= $1 AND s.to_status IS NOT NULL AND ${transitionAllowedSql('s.from_status', 's.to_status')}`, [run.started]);

    const communities = await this.step('communities', `
      INSERT INTO community (name, chain_id, lead_enterprise_id, status, planned_on, formed_on, description, version)
      SELECT left(e.name, 12) || c.name || '产业链共同体', d.chain_id, d.enterprise_id,
             CASE WHEN ${u('formed', 'e.credit_code')} < 0.8 THEN 'FORMED' ELSE 'PLANNED' END, date '2022-03-01', date '2022-06-01' + (${u('formed-on', 'e.credit_code')} * 500)::int,
             '链主牵头的上下游协同共同体 (synthetic)', 1
        FROM designation d JOIN enterprise e ON e.id = d.enterprise_id JOIN chain c ON c.id = d.chain_id
       WHERE d.type = 'CHAIN_LEADER' AND d.status = 'RECOGNISED' AND e.created_at >= $1`, [run.started]);
    const communityMembers = await this.step('community members', `
      INSERT INTO community_member (community_id, enterprise_id, role, joined_on)
      SELECT k.id, m.enterprise_id, (ARRAY['UPSTREAM_SUPPLIER', 'DOWNSTREAM_CUSTOMER', 'PEER', 'SERVICE_PROVIDER'])[1 + floor(${u('role', 'm.credit_code')} * 4)::int],
             coalesce(k.formed_on, date '2022-06-01')
        FROM community k JOIN enterprise lead ON lead.id = k.lead_enterprise_id
        CROSS JOIN LATERAL (SELECT m.enterprise_id, me.credit_code FROM chain_membership m JOIN enterprise me ON me.id = m.enterprise_id
                             WHERE m.chain_id = k.chain_id AND m.enterprise_id <> k.lead_enterprise_id
                             ORDER BY md5('${seed}:' || me.credit_code || lead.credit_code) LIMIT 12) AS m
       WHERE k.created_at >= $1`, [run.started]);
    await this.dataSource.query('ANALYZE');
    return { enterprises: count, figures, designations, designationEvents: events, chainMemberships, communities, communityMembers };
  }

  private async step(label: string, sql: string, params: unknown[]): Promise<number> {
    const t0 = Date.now();
    const runner = this.dataSource.createQueryRunner();
    let rows: number;
    try {
      rows = (await runner.query(sql, params, true)).affected ?? 0;
    } finally {
      await runner.release();
    }
    this.say(`${label}: ${rows.toLocaleString('en-US')} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return rows;
  }
}
