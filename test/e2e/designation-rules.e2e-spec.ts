
import {
  canTransition,
  defaultExpiry,
  defaultExpirySql,
  designationKey,
  seededValidityYears,
  typeValiditySql,
  designationKeySql,
  DesignationStatus,
  DesignationType,
  holdsOn,
  holdsOnSql,
  stateOn,
  stateOnSql,
  statusOn,
  statusOnSql,
  todayInChina,
  todayInChinaSql,
  transitionAllowedSql,
} from '@app/core';

import { ENV_SERVER_URL, ownMigratedDatabase, withAdminClient } from '../setup/test-server';

/**
 * One table of cases per designation rule, run through the TypeScript function and its SQL twin (in
 * PostgreSQL): the two forms can never drift apart. Expected values are written out by hand.
 */
const S = DesignationStatus;
const T = DesignationType;

const TRANSITIONS: [DesignationStatus | null, DesignationStatus, boolean][] = [
  [null, S.CANDIDATE, true],
  [null, S.RECOGNISED, true],
  [null, S.UNDER_REVIEW, false],
  [null, S.EXPIRED, false],
  [S.CANDIDATE, S.RECOGNISED, true],
  [S.CANDIDATE, S.REJECTED, true],
  [S.CANDIDATE, S.UNDER_REVIEW, false],
  [S.RECOGNISED, S.CANDIDATE, false],
  [S.RECOGNISED, S.UNDER_REVIEW, true],
  [S.RECOGNISED, S.EXPIRED, true],
  [S.RECOGNISED, S.REVOKED, true],
  [S.RECOGNISED, S.RECOGNISED, false],
  [S.UNDER_REVIEW, S.RECOGNISED, true],
  [S.UNDER_REVIEW, S.EXPIRED, true],
  [S.UNDER_REVIEW, S.REVOKED, true],
  [S.UNDER_REVIEW, S.CANDIDATE, false],
  [S.EXPIRED, S.RECOGNISED, false],
  [S.REVOKED, S.RECOGNISED, false],
  [S.REJECTED, S.CANDIDATE, false],
];

// Validity in years (the catalogue's recognition_type.validity_years; null = no expiry), recognition date, default expiry.
const EXPIRIES: [number | null, string, string | null][] = [
  [3, '2022-08-15', '2025-08-15'],
  [3, '2024-02-29', '2027-02-28'],
  [3, '2023-12-31', '2026-12-31'],
  [5, '2022-01-10', '2027-01-10'],
  [1, '2024-02-29', '2025-02-28'],
  [2, '2022-03-01', '2024-03-01'],
  [null, '2022-01-10', null],
];

// The seeded catalogue keeps today's rule: three years for the MIIT ladder and champions, none for the rest.
const SEEDED: [DesignationType, number | null][] = [
  [T.LITTLE_GIANT, 3],
  [T.SINGLE_CHAMPION, 3],
  [T.SPECIALIZED_SME, 3],
  [T.INNOVATIVE_SME, 3],
  [T.CHAIN_LEADER, null],
  [T.CHAIN_CORE, null],
  [T.BIG_EXCELLENT_STRONG, null],
  [T.SCALE_10B, null],
];


const KEYS: { a: [string, string, string, string | null]; b: [string, string, string, string | null]; same: boolean }[] = [
  { a: ['e1', 'LITTLE_GIANT', 'NATIONAL', null], b: ['e1', 'LITTLE_GIANT', 'NATIONAL', null], same: true },
  { a: ['e1', 'LITTLE_GIANT', 'NATIONAL', null], b: ['e1', 'LITTLE_GIANT', 'PROVINCIAL', null], same: false },
  { a: ['e1', 'LITTLE_GIANT', 'NATIONAL', null], b: ['e2', 'LITTLE_GIANT', 'NATIONAL', null], same: false },
  { a: ['k1', 'GREEN_PARK', 'NATIONAL', null], b: ['k1', 'GREEN_PARK', 'NATIONAL', null], same: true },
  { a: ['k1', 'GREEN_PARK', 'NATIONAL', null], b: ['k2', 'GREEN_PARK', 'NATIONAL', null], same: false },
  { a: ['k1', 'GREEN_PARK', 'NATIONAL', null], b: ['k1', 'GREEN_PARK', 'PROVINCIAL', null], same: false },
  { a: ['e1', 'CHAIN_CORE', 'MUNICIPAL', 'c1'], b: ['e1', 'CHAIN_CORE', 'MUNICIPAL', 'c2'], same: false },
  { a: ['e1', 'CHAIN_CORE', 'MUNICIPAL', 'c1'], b: ['e1', 'CHAIN_BASE', 'MUNICIPAL', 'c1'], same: false },
  { a: ['e1', 'CHAIN_CORE', 'MUNICIPAL', 'c1'], b: ['e1', 'CHAIN_CORE', 'MUNICIPAL', 'c1'], same: true },
];

/** status and expiry recorded, the day asked, what it reads as and whether it holds then. */
const READS: [DesignationStatus, string | null, string, DesignationStatus, boolean][] = [
  [S.RECOGNISED, '2022-05-31', '2022-05-31', S.RECOGNISED, true],
  [S.RECOGNISED, '2022-05-31', '2022-06-01', S.EXPIRED, false],
  [S.RECOGNISED, null, '2099-01-01', S.RECOGNISED, true],
  [S.UNDER_REVIEW, '2022-05-31', '2022-06-30', S.UNDER_REVIEW, true],
  [S.CANDIDATE, null, '2022-06-30', S.CANDIDATE, false],
  [S.REVOKED, '2025-01-01', '2022-06-30', S.REVOKED, false],
  [S.EXPIRED, '2022-05-31', '2022-04-01', S.EXPIRED, false],
];

/** A designation's events in recorded order, the day asked, and the status it reads as then (null: not yet recorded). */
const HISTORY = [
  { status: S.RECOGNISED, expiresOn: '2022-05-31', effectiveOn: '2022-01-10' },
  { status: S.UNDER_REVIEW, expiresOn: '2022-05-31', effectiveOn: '2022-05-15' },
  { status: S.RECOGNISED, expiresOn: '2025-08-01', effectiveOn: '2022-08-01' },
  { status: S.REVOKED, expiresOn: '2025-08-01', effectiveOn: '2023-03-01' },
  { status: S.REVOKED, expiresOn: '2025-08-01', effectiveOn: '2023-03-01' },
];
const HISTORY_READS: [string, DesignationStatus | null][] = [
  ['2022-01-09', null],
  ['2022-01-10', S.RECOGNISED],
  ['2022-05-14', S.RECOGNISED],
  ['2022-06-30', S.UNDER_REVIEW],
  ['2022-08-01', S.RECOGNISED],
  ['2023-02-28', S.RECOGNISED],
  ['2023-03-01', S.REVOKED],
];
// Two events on one day: the later recorded wins.
const SAME_DAY = [
  { status: S.CANDIDATE, expiresOn: null, effectiveOn: '2022-03-01' },
  { status: S.RECOGNISED, expiresOn: null, effectiveOn: '2022-03-01' },
];

const INSTANTS: [string, string][] = [
  ['2026-01-01T15:59:59Z', '2026-01-01'],
  ['2026-01-01T16:00:00Z', '2026-01-02'],
  ['2026-03-31T23:30:00Z', '2026-04-01'],
  ['2026-07-14T07:59:00Z', '2026-07-14'],
];

describe('designation rules: each TypeScript function agrees with its SQL twin', () => {
  // A migrated database of its own: the state on a day is read from the spans its triggers derive from the events.
  const db = ownMigratedDatabase('cr_rules');
  const one = async (sql: string, params: unknown[] = []) => (await db().query(`SELECT ${sql} AS v`, params)).rows[0].v;

  it('allows the same transitions', async () => {
    for (const [from, to, allowed] of TRANSITIONS) {
      expect([from, to, canTransition(from, to)]).toEqual([from, to, allowed]);
      expect([from, to, await one(transitionAllowedSql('$1::text', '$2::text'), [from, to])]).toEqual([from, to, allowed]);
    }
  });

  it('gives the same default expiry from a validity in years, none without one', async () => {
    for (const [years, on, expires] of EXPIRIES) {
      expect([years, on, defaultExpiry(years, on)]).toEqual([years, on, expires]);
      expect([years, on, await one(`${defaultExpirySql('$1::int', '$2::date')}::text`, [years, on])]).toEqual([years, on, expires]);
    }
  });

  it('reads the validity of a type from the catalogue: the seeded values, and a value staff changed', async () => {
    await db().query(`CREATE TEMP TABLE recognition_type (code text, validity_years smallint)`);
    await db().query(`INSERT INTO recognition_type VALUES ${SEEDED.map(([t, y]) => `('${t}', ${y ?? 'NULL'})`).join(', ')}, ('GREEN_FACTORY', 5)`);
    for (const [type, years] of [...SEEDED, ['GREEN_FACTORY', 5] as const]) {
      expect([type, seededValidityYears(type)]).toEqual([type, type === 'GREEN_FACTORY' ? null : years]);
      const sql = await one(`${defaultExpirySql(typeValiditySql('$1::text'), '$2::date')}::text`, [type, '2024-02-29']);
      expect([type, sql]).toEqual([type, defaultExpiry(years, '2024-02-29')]);
    }
    // A code the catalogue does not have gets no expiry in SQL (the API refuses such a type before).
    expect(await one(`${defaultExpirySql(typeValiditySql('$1::text'), '$2::date')}::text`, ['NO_SUCH_TYPE', '2024-02-29'])).toBeNull();
  });

  it('builds the same identity key: enterprise, type, level and chain', async () => {
    const sqlKey = ([e, type, level, chain]: [string, string, string, string | null]) =>
      db().query(
        `SELECT ${designationKeySql('d')} AS v FROM (SELECT nullif($1::text, '') AS enterprise_id, nullif($5::text, '') AS carrier_id, $2::text AS type, $3::text AS level, $4::text AS chain_id) d`,
        [e.startsWith('k') ? '' : e, type, level, chain, e.startsWith('k') ? e : ''],
      );
    // Holders starting with k are carriers (enterpriseId null).
    const identity = ([h, type, level, chain]: [string, string, string, string | null]) =>
      h.startsWith('k') ? { enterpriseId: null, carrierId: h, type, level, chainId: chain } : { enterpriseId: h, type, level, chainId: chain };
    for (const { a, b, same } of KEYS) {
      const tsA = designationKey(identity(a));
      const tsB = designationKey(identity(b));
      expect([a, b, tsA === tsB]).toEqual([a, b, same]);
      const [sqlA, sqlB] = [(await sqlKey(a)).rows[0].v, (await sqlKey(b)).rows[0].v];
      expect([a, b, sqlA === sqlB, sqlA]).toEqual([a, b, same, tsA]);
    }
  });

  it('reads a status and "holds on date D" the same way: UNDER_REVIEW holds past the expiry until decided', async () => {
    for (const [status, expiresOn, date, reads, holds] of READS) {
      const state = { status, expiresOn };
      expect([status, expiresOn, date, statusOn(state, date), holdsOn(state, date)]).toEqual([status, expiresOn, date, reads, holds]);
      const sql = `${statusOnSql('$1::text', '$2::date', '$3::date')} AS s, ${holdsOnSql('$1::text', '$2::date', '$3::date')} AS h`;
      const { rows } = await db().query(`SELECT ${sql}`, [status, expiresOn, date]);
      expect([status, expiresOn, date, rows[0].s, rows[0].h]).toEqual([status, expiresOn, date, reads, holds]);
    }
  });

  it('finds the same state on a day from the dated events, the expiry in force included', async () => {
    const load = async (id: string, events: typeof HISTORY | typeof SAME_DAY) => {
      await db().query(`INSERT INTO designation (id, enterprise_id, type, level, status, version) VALUES ($1, gen_random_uuid(), 'LITTLE_GIANT', 'NATIONAL', 'RECOGNISED', 1)`, [id]);
      for (const e of events) {
        await db().query(`INSERT INTO designation_event (designation_id, to_status, effective_on, expires_on) VALUES ($1, $2, $3, $4)`, [id, e.status, e.effectiveOn, e.expiresOn]);
      }
    };
    const [first, second] = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];
    await load(first, HISTORY);
    await load(second, SAME_DAY);
    const sqlRead = async (id: string, date: string) => {
      const { rows } = await db().query(`SELECT ${statusOnSql('s.status', 's.expires_on', '$2::date')} AS v FROM ${stateOnSql('$1::uuid', '$2::date')} s`, [id, date]);
      return rows[0]?.v ?? null;
    };
    for (const [date, reads] of HISTORY_READS) {
      const state = stateOn(HISTORY, date);
      expect([date, state && statusOn(state, date)]).toEqual([date, reads]);
      expect([date, await sqlRead(first, date)]).toEqual([date, reads]);
    }
    expect(stateOn(SAME_DAY, '2022-03-01')?.status).toBe(S.RECOGNISED);
    expect(await sqlRead(second, '2022-03-01')).toBe(S.RECOGNISED);
  });

  it('takes the same "today" in Beijing for an instant', async () => {
    for (const [instant, day] of INSTANTS) {
      expect([instant, todayInChina(new Date(instant))]).toEqual([instant, day]);
      expect([instant, await one(`${todayInChinaSql('$1::timestamptz')}::text`, [instant])]).toEqual([instant, day]);
    }
    // And for now, on the server's own clock and time zone setting.
    await withAdminClient(process.env[ENV_SERVER_URL]!, async (c) => {
      await c.query(`SET TIME ZONE 'UTC'`);
      const { rows } = await c.query(`SELECT ${todayInChinaSql()}::text AS v`);
      expect(rows[0].v).toBe(todayInChina());
    });
  });
});
