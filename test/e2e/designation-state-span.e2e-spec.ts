import { randomUUID } from 'node:crypto';
import fc from 'fast-check';

import { DatedEvent, DesignationStatus, holdsOn, holdsOnSql, stateOn, stateOnSql, statesOnSql } from '@app/core';

import { ownMigratedDatabase } from '../setup/test-server';

/**
 * The spans PostgreSQL derives from designation events (migration DesignationStateSpan) against the reference,
 * `stateOn` replaying the events in recorded order: for random histories — events recorded out of date order
 * (back-dated), several on one day, written in multi-row statements, then some corrected or deleted — the state
 * of each designation on every day, and the number of holders of each type, read the same both ways. Seeded.
 */
const S = DesignationStatus;
const STATUSES = [S.CANDIDATE, S.RECOGNISED, S.UNDER_REVIEW, S.EXPIRED, S.REVOKED];
const TYPES = ['LITTLE_GIANT', 'CHAIN_CORE'];
const DAY0 = Date.UTC(2022, 0, 1);
const day = (n: number) => new Date(DAY0 + n * 86_400_000).toISOString().slice(0, 10);
// A short span of days, so events often share a day and the days asked fall before, between and after them.
const DAYS = 12;

const eventArb = fc.record({ designation: fc.nat(), status: fc.constantFrom(...STATUSES), on: fc.integer({ min: 0, max: DAYS }), expires: fc.option(fc.integer({ min: 0, max: DAYS })) });
const historyArb = fc.record({
  designations: fc.array(fc.record({ type: fc.constantFrom(...TYPES) }), { minLength: 1, maxLength: 4 }),
  events: fc.array(eventArb, { minLength: 1, maxLength: 10 }),
  // Events written per statement: several rows at once exercise the statement-level trigger.
  batch: fc.integer({ min: 1, max: 4 }),
  corrections: fc.array(fc.record({ pick: fc.nat(), what: fc.constantFrom('delete', 'redate', 'restatus'), on: fc.integer({ min: 0, max: DAYS }), status: fc.constantFrom(...STATUSES) }), { maxLength: 3 }),
  retype: fc.option(fc.record({ designation: fc.nat(), type: fc.constantFrom(...TYPES) })),
});

interface Recorded extends DatedEvent {
  id: string;
  designationId: string;
}

describe('designation_state_span', () => {
  const db = ownMigratedDatabase('cr_span');

  it('reads the same state on every day as replaying the events, and the same holder counts', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, async (h) => {
        const ids = h.designations.map(() => randomUUID());
        const types = h.designations.map((d) => d.type);
        for (const [i, id] of ids.entries()) {
          await db().query(`INSERT INTO designation (id, enterprise_id, type, level, status, version) VALUES ($1, gen_random_uuid(), $2, 'NATIONAL', 'RECOGNISED', 1)`, [id, types[i]]);
        }
        const rows = h.events.map((e) => [ids[e.designation % ids.length], e.status, day(e.on), e.expires === null ? null : day(e.expires)]);
        for (let i = 0; i < rows.length; i += h.batch) {
          const chunk = rows.slice(i, i + h.batch);
          const values = chunk.map((_, j) => `($${j * 4 + 1}::uuid, $${j * 4 + 2}, $${j * 4 + 3}::date, $${j * 4 + 4}::date)`).join(', ');
          await db().query(`INSERT INTO designation_event (designation_id, to_status, effective_on, expires_on) VALUES ${values}`, chunk.flat());
        }
        const eventIds = async () => (await db().query(`SELECT id FROM designation_event WHERE designation_id = ANY($1::uuid[]) ORDER BY id`, [ids])).rows.map((r) => r.id as string);
        for (const c of h.corrections) {
          const all = await eventIds();
          if (!all.length) break;
          const id = all[c.pick % all.length];
          if (c.what === 'delete') await db().query(`DELETE FROM designation_event WHERE id = $1`, [id]);
          if (c.what === 'redate') await db().query(`UPDATE designation_event SET effective_on = $2 WHERE id = $1`, [id, day(c.on)]);
          if (c.what === 'restatus') await db().query(`UPDATE designation_event SET to_status = $2 WHERE id = $1`, [id, c.status]);
        }
        if (h.retype) {
          const i = h.retype.designation % ids.length;
          types[i] = h.retype.type;
          await db().query(`UPDATE designation SET type = $2 WHERE id = $1`, [ids[i], types[i]]);
        }

        // The reference reads the events as recorded (id order), from the table itself after the corrections.
        const { rows: recorded } = await db().query(
          `SELECT id, designation_id AS "designationId", to_status AS status, effective_on::text AS "effectiveOn", expires_on::text AS "expiresOn"
             FROM designation_event WHERE designation_id = ANY($1::uuid[]) ORDER BY id`,
          [ids],
        );
        const events = recorded as Recorded[];
        for (let n = -1; n <= DAYS + 1; n++) {
          const on = day(n);
          for (const id of ids) {
            const expected = stateOn(events.filter((e) => e.designationId === id), on);
            const { rows: got } = await db().query(`SELECT s.status, s.expires_on::text AS "expiresOn" FROM ${stateOnSql('$1::uuid', '$2::date')} s`, [id, on]);
            expect([id, on, got.length ? { status: got[0].status, expiresOn: got[0].expiresOn } : null]).toEqual([id, on, expected]);
          }
          const { rows: counts } = await db().query(
            `SELECT d.type, count(*)::int AS n FROM ${statesOnSql('$1::text[]', '$2::date')} d
              WHERE d.id = ANY($3::uuid[]) AND ${holdsOnSql('d.status', 'd.expires_on', '$2::date')} GROUP BY d.type`,
            [TYPES, on, ids],
          );
          for (const type of TYPES) {
            const expected = ids.filter((id, i) => types[i] === type && holdsOn(stateOn(events.filter((e) => e.designationId === id), on), on)).length;
            expect([type, on, counts.find((c) => c.type === type)?.n ?? 0]).toEqual([type, on, expected]);
          }
        }
      }),
      { numRuns: 40, seed: 1414 },
    );
  });

  it('follows a designation that is deleted', async () => {
    const id = randomUUID();
    await db().query(`INSERT INTO designation (id, enterprise_id, type, level, status, version) VALUES ($1, gen_random_uuid(), 'LITTLE_GIANT', 'NATIONAL', 'RECOGNISED', 1)`, [id]);
    await db().query(`INSERT INTO designation_event (designation_id, to_status, effective_on) VALUES ($1, 'RECOGNISED', '2022-01-01')`, [id]);
    const spans = async () => (await db().query(`SELECT count(*)::int AS n FROM designation_state_span WHERE designation_id = $1`, [id])).rows[0].n;
    expect(await spans()).toBe(1);
    await db().query(`DELETE FROM designation WHERE id = $1`, [id]);
    expect(await spans()).toBe(0);
  });
});
