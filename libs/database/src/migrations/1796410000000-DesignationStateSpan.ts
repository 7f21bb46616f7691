import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each designation's state through time, kept by PostgreSQL itself, so "holds on D" is one indexed range scan
 * instead of a latest-event lookup per designation (issue 14 §1: at 1,000,000 enterprises quota progress read
 * the state of every designation of its types through a LATERAL lookup of designation_event).
 *
 * `designation_state_span` holds one row per designation and distinct event day: the state recorded by the
 * day's last event (events in recorded order, by id) — status and the expiry in force — valid from that day
 * (`valid_from`) until the next event day (`valid_to`, exclusive; 'infinity' for the last). The state on D is
 * the row with valid_from <= D < valid_to, none before the first event: exactly `stateOn` of the core lib
 * (the TypeScript reference), whose SQL twin `stateOnSql` reads this table. The holder, type, level and chain
 * are copied from the designation so a count by type needs no join.
 *
 * `designation_state_span_refresh(ids)` re-derives the rows of some designations from their events; statement-
 * level triggers on designation_event (insert, update, delete) call it for the designations a statement
 * touched, in the same transaction (API, importer, demo generator, COPY alike), and triggers on designation
 * keep the copied identity columns in step. The application never writes the table. The rows of existing
 * designations are derived by the separate migration BackfillDesignationStateSpan.
 */
export class DesignationStateSpan1796410000000 implements MigrationInterface {
  name = 'DesignationStateSpan1796410000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE designation_state_span (
      designation_id uuid NOT NULL,
      enterprise_id uuid,
      carrier_id uuid,
      type varchar(30) NOT NULL,
      level varchar(12) NOT NULL,
      chain_id uuid,
      status varchar(20) NOT NULL,
      expires_on date,
      valid_from date NOT NULL,
      valid_to date NOT NULL,
      PRIMARY KEY (designation_id, valid_from),
      CHECK (valid_from < valid_to))`);
    // No foreign key: designations are never deleted (a trigger removes the rows if one is), and a key check
    // per derived row would slow bulk event writes.
    await queryRunner.query(`COMMENT ON TABLE designation_state_span IS 'Derived from designation_event and designation by triggers; never written by the application'`);
    // The states of some types on a day: type, then the span's start; the end and the counted columns ride along.
    await queryRunner.query(`CREATE INDEX idx_designation_state_span_type_on ON designation_state_span (type, valid_from)
      INCLUDE (valid_to, enterprise_id, level, chain_id, status, expires_on)`);
    await queryRunner.query(`CREATE FUNCTION designation_state_span_refresh(p_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM designation_state_span sp USING unnest(p_ids) AS i(id) WHERE sp.designation_id = i.id;
        INSERT INTO designation_state_span (designation_id, enterprise_id, carrier_id, type, level, chain_id, status, expires_on, valid_from, valid_to)
        SELECT d.id, d.enterprise_id, d.carrier_id, d.type, d.level, d.chain_id, s.to_status, s.expires_on, s.effective_on,
               coalesce(lead(s.effective_on) OVER (PARTITION BY s.designation_id ORDER BY s.effective_on), 'infinity'::date)
          FROM (SELECT DISTINCT ON (ev.designation_id, ev.effective_on) ev.designation_id, ev.effective_on, ev.to_status, ev.expires_on
                  FROM designation_event ev
                 WHERE ev.designation_id = ANY(p_ids)
                 ORDER BY ev.designation_id, ev.effective_on, ev.id DESC) s
          JOIN designation d ON d.id = s.designation_id;
      END $$`);
    for (const [event, tables, rows] of EVENT_TRIGGERS) {
      const name = `designation_state_span_on_event_${event.toLowerCase()}`;
      await queryRunner.query(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM designation_state_span_refresh(ARRAY(SELECT DISTINCT x.designation_id FROM (${rows}) x)); RETURN NULL; END $$`);
      await queryRunner.query(`CREATE TRIGGER ${name} AFTER ${event} ON designation_event REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION ${name}()`);
    }
    // The identity columns copied from the designation follow it (a correction of type, level, chain or holder).
    await queryRunner.query(`CREATE FUNCTION designation_state_span_on_designation_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE designation_state_span sp SET enterprise_id = d.enterprise_id, carrier_id = d.carrier_id, type = d.type, level = d.level, chain_id = d.chain_id
          FROM changed d
         WHERE sp.designation_id = d.id
           AND (sp.enterprise_id, sp.carrier_id, sp.type, sp.level, sp.chain_id) IS DISTINCT FROM (d.enterprise_id, d.carrier_id, d.type, d.level, d.chain_id);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER designation_state_span_on_designation_update AFTER UPDATE ON designation
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION designation_state_span_on_designation_update()`);
    await queryRunner.query(`CREATE FUNCTION designation_state_span_on_designation_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN DELETE FROM designation_state_span sp USING gone d WHERE sp.designation_id = d.id; RETURN NULL; END $$`);
    await queryRunner.query(`CREATE TRIGGER designation_state_span_on_designation_delete AFTER DELETE ON designation
      REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION designation_state_span_on_designation_delete()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const what of ['update', 'delete']) {
      await queryRunner.query(`DROP TRIGGER designation_state_span_on_designation_${what} ON designation`);
      await queryRunner.query(`DROP FUNCTION designation_state_span_on_designation_${what}()`);
    }
    for (const [event] of EVENT_TRIGGERS) {
      const name = `designation_state_span_on_event_${event.toLowerCase()}`;
      await queryRunner.query(`DROP TRIGGER ${name} ON designation_event`);
      await queryRunner.query(`DROP FUNCTION ${name}()`);
    }
    await queryRunner.query(`DROP FUNCTION designation_state_span_refresh(uuid[])`);
    await queryRunner.query(`DROP TABLE designation_state_span`);
  }
}

const EVENT_TRIGGERS: [string, string, string][] = [
  ['INSERT', 'NEW TABLE AS changed', 'SELECT designation_id FROM changed'],
  ['DELETE', 'OLD TABLE AS changed', 'SELECT designation_id FROM changed'],
  ['UPDATE', 'OLD TABLE AS before NEW TABLE AS changed', 'SELECT designation_id FROM changed UNION SELECT designation_id FROM before'],
];
