import { CultivationWorld } from '../setup/cultivation-world';
import { creditCode } from '../setup/fixtures';
import { createTestApp, TestApp } from '../setup/test-app';

/**
 * The carrier import (#15): carriers (parks, products, platforms, brains, apps) by name and Chinese kind label,
 * district and optional operating enterprise, checked as POST /carriers checks them; dry run writes nothing, a bad
 * file writes nothing, a district officer imports only into (and over) their districts.
 */
describe('carrier import', () => {
  let t: TestApp;
  let staff: Record<string, string>;
  let world: CultivationWorld;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.as('BUREAU_STAFF');
    world = new CultivationWorld(t, staff);
  });
  afterAll(() => t.close());

  const upload = (body: string, dryRun: boolean, headers = staff) =>
    t.http.post(`/api/v1/imports/carriers?dryRun=${dryRun}`).set(headers).attach('file', Buffer.from(body), 'carriers.csv');
  const csv = (rows: string[][]) => ['载体名称,载体类型,区县代码,运营企业统一社会信用代码,运营主体名称', ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n';
  const carriers = async (q: string, headers = staff) =>
    (await t.http.get(`/api/v1/carriers?q=${encodeURIComponent(q)}&pageSize=100`).set(headers).expect(200)).body.items as {
      id: string; kind: string; name: string; districtCode: string; operatorEnterpriseId: string | null; operatorName: string | null;
    }[];

  it('dry-runs, applies, repeats unchanged and updates by kind and name', async () => {
    const opCode = creditCode();
    const operator = await world.enterprise({ creditCode: opCode, districtCode: '330211' });
    const file = csv([
      ['导入测试绿色园区', '园区', '330211', opCode, ''],
      ['导入测试绿色设计产品', '产品', '330206', '', ''],
      ['导入测试工业互联网平台', '工业互联网平台', '330211', '', '宁波某研究院'],
    ]);
    const dry = await upload(file, true).expect(200);
    expect(dry.body).toMatchObject({ dryRun: true, counts: { created: 3, updated: 0, unchanged: 0, rejected: 0 }, errors: [] });
    expect(await carriers('导入测试')).toHaveLength(0);

    expect((await upload(file, false).expect(200)).body.counts).toEqual({ created: 3, updated: 0, unchanged: 0, rejected: 0 });
    const stored = (await carriers('导入测试')).map((c) => [c.name, c.kind, c.districtCode, c.operatorEnterpriseId, c.operatorName]).sort();
    expect(stored).toEqual(
      [
        ['导入测试绿色园区', 'GREEN_PARK', '330211', operator, null],
        ['导入测试绿色设计产品', 'GREEN_DESIGN_PRODUCT', '330206', null, null],
        ['导入测试工业互联网平台', 'INDUSTRIAL_INTERNET_PLATFORM', '330211', null, '宁波某研究院'],
      ].sort(),
    );
    expect((await upload(file, false).expect(200)).body.counts).toEqual({ created: 0, updated: 0, unchanged: 3, rejected: 0 });

    // The product moves district: matched by kind and name, updated in place (audited like the route).
    const moved = csv([['导入测试绿色设计产品', '产品', '330211', '', '']]);
    expect((await upload(moved, false).expect(200)).body.counts).toEqual({ created: 0, updated: 1, unchanged: 0, rejected: 0 });
    const product = (await carriers('导入测试绿色设计产品'))[0];
    expect(product.districtCode).toBe('330211');
    expect(await t.sql(`SELECT 1 FROM audit_log WHERE action = 'carrier.update' AND entity_id = $1`, [product.id])).toHaveLength(1);
    // A park of the same name is another carrier (identity is kind + name).
    expect((await upload(csv([['导入测试绿色设计产品', '园区', '330211', '', '']]), true).expect(200)).body.counts.created).toBe(1);
  });

  it('rejects a bad file row by row, with the column and a Chinese message, and writes nothing', async () => {
    const file = csv([
      ['坏文件园区甲', '湿地公园', '330211', '', ''],
      ['坏文件园区乙', '园区', '999999', '', ''],
      ['坏文件园区丙', '园区', '330211', creditCode(), ''],
      ['', '园区', '330211', '', ''],
      ['坏文件园区丁', '园区', '330211', '', ''],
      ['坏文件园区丁', '园区', '330211', '', ''],
      ['坏文件园区戊', '园区', '330211', '', ''],
    ]);
    const dry = await upload(file, true).expect(200);
    expect(dry.body.counts).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 5 });
    expect(dry.body.errors).toEqual([
      expect.objectContaining({ line: 2, column: '载体类型', code: 'VALIDATION_FAILED', message: expect.stringContaining('载体类型“湿地公园”不认识') }),
      expect.objectContaining({ line: 3, column: '区县代码', code: 'DISTRICT_UNKNOWN' }),
      expect.objectContaining({ line: 4, column: '运营企业统一社会信用代码', code: 'ENTERPRISE_NOT_FOUND' }),
      expect.objectContaining({ line: 5, column: '载体名称' }),
      expect.objectContaining({ line: 7, column: '载体名称' }),
    ]);
    const applied = await upload(file, false).expect(422);
    expect(applied.body.code).toBe('IMPORT_REJECTED');
    expect(await carriers('坏文件')).toHaveLength(0);
  });

  it('keeps a district officer to their districts, for new carriers, for carriers named and for operators', async () => {
    const officer = await t.as('DISTRICT_STAFF', { districtCodes: ['330206'] });
    const otherCode = creditCode();
    await world.enterprise({ creditCode: otherCode, districtCode: '330211' });
    await world.carrier({ kind: 'GREEN_PARK', name: '范围测试镇海园区', districtCode: '330211' });
    const file = csv([
      ['范围测试北仑园区', '园区', '330206', '', ''],
      ['范围测试另一个镇海园区', '园区', '330211', '', ''],
      ['范围测试镇海园区', '园区', '330206', '', ''],
      ['范围测试北仑平台', '工业互联网平台', '330206', otherCode, ''],
    ]);
    const dry = await upload(file, true, officer).expect(200);
    expect(dry.body.counts).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: 3 });
    expect(dry.body.errors.map((e: { line: number }) => e.line)).toEqual([3, 4, 5]);
    await upload(file, false, officer).expect(422);
    expect((await upload(csv([file.split('\r\n')[1].split(',')]), false, officer).expect(200)).body.counts.created).toBe(1);
    expect((await carriers('范围测试', officer)).map((c) => c.name)).toEqual(['范围测试北仑园区']);
    const liaison = await t.as('LIAISON', { enterpriseIds: [] });
    await upload(file, true, liaison).expect(403);
  });
});
