import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Makes audit_log append-only in the database itself: UPDATE, DELETE and TRUNCATE raise, whatever
 * role runs them (the application's own role included), so a bug or a compromised app cannot
 * rewrite history. Only a migration that drops these triggers (i.e. a reviewed schema change by
 * the table owner) could.
 */
export class AuditAppendOnly1795718055500 implements MigrationInterface {
  name = 'AuditAppendOnly1795718055500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION cr_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION cr_audit_log_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION cr_audit_log_append_only()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_log_no_truncate ON audit_log`);
    await queryRunner.query(`DROP TRIGGER audit_log_append_only ON audit_log`);
    await queryRunner.query(`DROP FUNCTION cr_audit_log_append_only()`);
  }
}
