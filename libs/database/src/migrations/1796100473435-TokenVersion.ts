import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A per-user token version carried in every token: a password reset or change, a role or scope
 * change and disabling raise it, which ends every earlier token at its next request.
 */
export class TokenVersion1796100473435 implements MigrationInterface {
  name = 'TokenVersion1796100473435';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "token_version" integer NOT NULL DEFAULT '1'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "token_version"`);
  }
}
