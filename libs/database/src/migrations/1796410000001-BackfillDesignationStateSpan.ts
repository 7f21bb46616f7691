import { MigrationInterface, QueryRunner } from 'typeorm';

/** Derives designation_state_span (migration DesignationStateSpan) for every designation with events, in one pass. */
export class BackfillDesignationStateSpan1796410000001 implements MigrationInterface {
  name = 'BackfillDesignationStateSpan1796410000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SELECT designation_state_span_refresh(ARRAY(SELECT DISTINCT designation_id FROM designation_event))`);
  }

  /** The rows are derived data: emptied here, dropped with the table by DesignationStateSpan's down. */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM designation_state_span`);
  }
}
