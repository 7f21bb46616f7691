import { Client } from 'pg';

import {
  canTransition,
  defaultExpiry,
  defaultExpirySql,
  designationKey,
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

import { databaseUrl, ENV_SERVER_URL, withAdminClient } from '../setup/test-server';

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

const EXPIRIES: [DesignationType, string, string | null][] = [
  [T.LITTLE_GIANT, '2022-08-15', '2025-08-15'],
  [T.SINGLE_CHAMPION, '2024-02-29', '2027-02-28'],
  [T.SPECIALIZED_SME, '2022-01-10', '2025-01-10'],
  [T.INNOVATIVE_SME, '2023-12-31', '2026-12-31'],
  [T.CHAIN_LEADER, '2022-01-10', null],
  [T.CHAIN_CORE, '2022-01-10', null],
  [T.BIG_EXCELLENT_STRONG, '2022-01-10', null],
  [T.SCALE_10B, '2022-01-10', null],
];

const KEYS: { a: [string, string, string, string | null]; b: [string, string, string, string | null]; same: boolean }[] = [
  { a: ['e1', 'LITTLE_GIANT', 'NATIONAL', null], b: ['e1', 'LITTLE_GIANT', 'NATIONAL', null], same: true },
  { a: ['e1', 'LITTLE_GIANT', 'NATIONAL', null], b: ['e1', 'LITTLE_GIANT', 'PROVINCIAL', null], same: false },
  { a: ['e1', 'LITTLE_GIANT', 'NATIONAL', null], b: ['e2', 'LITTLE_GIANT', 'NATIONAL', null], same: false },
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
  let client: Client;
  const one = async (sql: string, params: unknown[] = []) => (await client.query(`SELECT ${sql} AS v`, params)).rows[0].v;

  beforeAll(async () => {
    client = new Client({ connectionString: databaseUrl(process.env[ENV_SERVER_URL]!, 'postgres') });
    await client.connect();
    await client.query(`CREATE TEMP TABLE designation_event (id bigserial, designation_id int, to_status text, effective_on date, expires_on date)`);
  });
  afterAll(() => client.end());

  it('allows the same transitions', async () => {
    for (const [from, to, allowed] of TRANSITIONS) {
      expect([from, to, canTransition(from, to)]).toEqual([from, to, allowed]);
      expect([from, to, await one(transitionAllowedSql('$1::text', '$2::text'), [from, to])]).toEqual([from, to, allowed]);
    }
  });

  it('gives the same default expiry, three years for every rung of 专精特新 and for champions', async () => {
    for (const [type, on, expires] of EXPIRIES) {
      expect([type, defaultExpiry(type, on)]).toEqual([type, expires]);
      expect([type, await one(`${defaultExpirySql('$1::text', '$2::date')}::text`, [type, on])]).toEqual([type, expires]);
    }
  });

  it('builds the same identity key: enterprise, type, level and chain', async () => {
    const sqlKey = ([e, type, level, chain]: [string, string, string, string | null]) =>
      client.query(`SELECT ${designationKeySql('d')} AS v FROM (SELECT $1::text AS enterprise_id, $2::text AS type, $3::text AS level, $4::text AS chain_id) d`, [e, type, level, chain]);
    for (const { a, b, same } of KEYS) {
      const tsA = designationKey({ enterpriseId: a[0], type: a[1], level: a[2], chainId: a[3] });
      const tsB = designationKey({ enterpriseId: b[0], type: b[1], level: b[2], chainId: b[3] });
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
      const { rows } = await client.query(`SELECT ${sql}`, [status, expiresOn, date]);
      expect([status, expiresOn, date, rows[0].s, rows[0].h]).toEqual([status, expiresOn, date, reads, holds]);
    }
  });

  it('finds the same state on a day from the dated events, the expiry in force included', async () => {
    const load = async (id: number, events: typeof HISTORY | typeof SAME_DAY) => {
      for (const e of events) {
        await client.query(`INSERT INTO designation_event (designation_id, to_status, effective_on, expires_on) VALUES ($1, $2, $3, $4)`, [id, e.status, e.effectiveOn, e.expiresOn]);
      }
    };
    await load(1, HISTORY);
    await load(2, SAME_DAY);
    const sqlRead = async (id: number, date: string) => {
      const { rows } = await client.query(`SELECT ${statusOnSql('s.status', 's.expires_on', '$2::date')} AS v FROM ${stateOnSql('$1::int', '$2::date')} s`, [id, date]);
      return rows[0]?.v ?? null;
    };
    for (const [date, reads] of HISTORY_READS) {
      const state = stateOn(HISTORY, date);
      expect([date, state && statusOn(state, date)]).toEqual([date, reads]);
      expect([date, await sqlRead(1, date)]).toEqual([date, reads]);
    }
    expect(stateOn(SAME_DAY, '2022-03-01')?.status).toBe(S.RECOGNISED);
    expect(await sqlRead(2, '2022-03-01')).toBe(S.RECOGNISED);
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
