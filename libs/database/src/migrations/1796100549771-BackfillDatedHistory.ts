import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Data only (the columns come from DatedHistory): gives every existing designation event the expiry in
 * force from it on, and the three-year term to recognised 专精特新中小企业 / 创新型中小企业 recorded without
 * one. The SQL is frozen here on purpose: the live rule is `defaultExpiry` in the cultivation lib.
 *
 * - the latest RECOGNISED event of a designation carries the row's `expires_on` (what it reads today);
 * - an earlier RECOGNISED event of a little giant or single champion carried its own three years (each
 *   re-recognition restarted them); of other types, the row's `expires_on` (it was never reset);
 * - any other event carries the expiry of the latest RECOGNISED event before it.
 * Memberships and districts need nothing: a NULL `joined_on` and no district spell mean "since always".
 * `down` clears what `up` wrote (the terms given to SMEs cannot be told apart from typed ones: kept).
 */
export class BackfillDatedHistory1796100549771 implements MigrationInterface {
  name = 'BackfillDatedHistory1796100549771';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE designation SET expires_on = (recognised_on + interval '3 years')::date, version = version + 1, updated_at = now()
        WHERE type IN ('SPECIALIZED_SME', 'INNOVATIVE_SME') AND status <> 'CANDIDATE' AND recognised_on IS NOT NULL AND expires_on IS NULL`,
    );
    await queryRunner.query(
      `WITH rec AS (
         SELECT ev.id, ev.designation_id, ev.effective_on,
                CASE WHEN ev.id = (SELECT l.id FROM designation_event l WHERE l.designation_id = ev.designation_id AND l.to_status = 'RECOGNISED'
                                    ORDER BY l.effective_on DESC, l.id DESC LIMIT 1) THEN d.expires_on
                     WHEN d.type IN ('LITTLE_GIANT', 'SINGLE_CHAMPION', 'SPECIALIZED_SME', 'INNOVATIVE_SME') THEN (ev.effective_on + interval '3 years')::date
                     ELSE d.expires_on END AS expires_on
           FROM designation_event ev JOIN designation d ON d.id = ev.designation_id
          WHERE ev.to_status = 'RECOGNISED')
       UPDATE designation_event e SET expires_on = (
         SELECT r.expires_on FROM rec r WHERE r.designation_id = e.designation_id AND (r.effective_on, r.id) <= (e.effective_on, e.id)
          ORDER BY r.effective_on DESC, r.id DESC LIMIT 1)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE designation_event SET expires_on = NULL`);
  }
}
