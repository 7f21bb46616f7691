import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Data only (tables from Projects): the programme tags projects carry and the first thresholds of the
 * monthly 超前/正常/滞后 judgement (≥ 110 % of the cumulative plan 超前, < 90 % 滞后). Staff may add
 * programmes and later thresholds as rows; existing rows are left alone.
 */
export class ProjectReferenceData1796116699545 implements MigrationInterface {
  name = 'ProjectReferenceData1796116699545';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `INSERT INTO project_programme (code, name, description, sort_order) VALUES
        ('SHUANGBAI', '双百', '“双百”工程项目', 10),
        ('EXPANSION', '增资扩产', '企业增资扩产项目', 20),
        ('DIGITAL_TRANSFORMATION', '数字化改造', '制造业数字化改造项目', 30),
        ('MAJOR_INDUSTRIAL', '亿元以上工业项目', '固定资产投资(不含土地)1亿元以上的工业项目', 40)
       ON CONFLICT (code) DO NOTHING`,
    );
    await queryRunner.query(
      `INSERT INTO project_progress_threshold (effective_from, ahead_percent, behind_percent) VALUES ('2000-01-01', 110, 90) ON CONFLICT DO NOTHING`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM project_progress_threshold WHERE effective_from = '2000-01-01'`);
    await queryRunner.query(
      `DELETE FROM project_programme pg WHERE pg.code IN ('SHUANGBAI', 'EXPANSION', 'DIGITAL_TRANSFORMATION', 'MAJOR_INDUSTRIAL')
        AND NOT EXISTS (SELECT 1 FROM project p WHERE pg.code = ANY(p.programme_codes))`,
    );
  }
}
