import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Filtered enterprise lists (district, status) of live rows: their count becomes an index-only scan
 * (measured at 1,000,000: 39 ms instead of 356–1,555 ms), and the page walks the index in name order.
 * Partial, so archived rows cost nothing here.
 */
export class LiveEnterpriseListIndex1796104878212 implements MigrationInterface {
  name = 'LiveEnterpriseListIndex1796104878212';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX idx_enterprise_live_district_status_name ON enterprise (district_code, status, name, id) WHERE archived = false`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX idx_enterprise_live_district_status_name`);
  }
}
