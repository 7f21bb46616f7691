import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The catalogue's first rows: the eleven types the code knew (their three-year validity was the constant
 * RECOGNITION_VALIDITY_YEARS, their levels whatever the API accepted) and the recognitions the 2022 plan
 * counts (#15). Frozen here on purpose: from now on staff edit the catalogue over the API.
 */
const ALL = ['NATIONAL', 'PROVINCIAL', 'MUNICIPAL', 'DISTRICT'];
const PROV_MUNI = ['PROVINCIAL', 'MUNICIPAL'];
type Row = [code: string, name: string, levels: string[], validity: number | null, body: string | null, holder: string, carrierKind: string | null, chain: boolean, product: boolean];
const ROWS: Row[] = [
  ['CHAIN_LEADER', '链主', ALL, null, '宁波市制造业高质量发展领导小组办公室', 'ENTERPRISE', null, true, false],
  ['CHAIN_CORE', '链核', ALL, null, null, 'ENTERPRISE', null, true, false],
  ['CHAIN_BASE', '链基', ALL, null, null, 'ENTERPRISE', null, true, false],
  ['SINGLE_CHAMPION', '制造业单项冠军', ALL, 3, '工业和信息化部', 'ENTERPRISE', null, false, true],
  ['LITTLE_GIANT', '专精特新“小巨人”', ALL, 3, '工业和信息化部', 'ENTERPRISE', null, false, false],
  ['SPECIALIZED_SME', '专精特新中小企业', ALL, 3, '浙江省经济和信息化厅', 'ENTERPRISE', null, false, false],
  ['INNOVATIVE_SME', '创新型中小企业', ALL, 3, null, 'ENTERPRISE', null, false, false],
  ['BIG_EXCELLENT_STRONG', '大优强', ALL, null, null, 'ENTERPRISE', null, false, false],
  ['SCALE_10B', '百亿级', ALL, null, null, 'ENTERPRISE', null, false, false],
  ['SCALE_50B', '五百亿级', ALL, null, null, 'ENTERPRISE', null, false, false],
  ['SCALE_100B', '千亿级', ALL, null, null, 'ENTERPRISE', null, false, false],
  ['DIGITAL_WORKSHOP', '数字化车间', PROV_MUNI, null, '浙江省经济和信息化厅', 'ENTERPRISE', null, false, false],
  ['SMART_FACTORY', '智能工厂', ['BASIC', 'ADVANCED', 'EXCELLENT', 'LEADING', ...PROV_MUNI], null, '工业和信息化部 / 浙江省经济和信息化厅', 'ENTERPRISE', null, false, false],
  ['FUTURE_FACTORY', '未来工厂', PROV_MUNI, null, '浙江省经济和信息化厅', 'ENTERPRISE', null, false, false],
  ['GREEN_FACTORY', '绿色工厂', ['NATIONAL', ...PROV_MUNI], null, '工业和信息化部', 'ENTERPRISE', null, false, false],
  ['GREEN_PARK', '绿色园区', ['NATIONAL', ...PROV_MUNI], null, '工业和信息化部', 'CARRIER', 'GREEN_PARK', false, false],
  ['GREEN_DESIGN_PRODUCT', '绿色设计产品', ['NATIONAL', ...PROV_MUNI], null, '工业和信息化部', 'CARRIER', 'GREEN_DESIGN_PRODUCT', false, false],
  ['INDUSTRIAL_INTERNET_PLATFORM', '工业互联网平台', ['NATIONAL', ...PROV_MUNI], null, '浙江省经济和信息化厅', 'CARRIER', 'INDUSTRIAL_INTERNET_PLATFORM', false, false],
  ['INDUSTRY_BRAIN', '产业大脑', PROV_MUNI, null, '浙江省经济和信息化厅', 'CARRIER', 'INDUSTRY_BRAIN', false, false],
  ['INDUSTRY_BRAIN_APP', '产业大脑特色应用', PROV_MUNI, null, '浙江省经济和信息化厅', 'CARRIER', 'INDUSTRY_BRAIN_APP', false, false],
];

export class SeedRecognitionTypes1796116432584 implements MigrationInterface {
  name = 'SeedRecognitionTypes1796116432584';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [i, [code, name, levels, validity, body, holder, carrierKind, chain, product]] of ROWS.entries()) {
      await queryRunner.query(
        `INSERT INTO recognition_type (code, name, levels, validity_years, issuing_body, holder_kind, carrier_kind, names_chain, names_product, sort_order, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1) ON CONFLICT (code) DO NOTHING`,
        [code, name, levels, validity, body, holder, carrierKind, chain, product, (i + 1) * 10],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM recognition_type WHERE code = ANY($1)`, [ROWS.map((r) => r[0])]);
  }
}
