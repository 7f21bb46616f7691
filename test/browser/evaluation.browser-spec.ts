import { creditCode } from '../setup/fixtures';
import { BrowserApp, ConsoleUser, startBrowserApp } from './support/browser-app';
import { settled } from './support/ui';

const YEAR = 2023;
const FIRMS = [
  { name: '宁波镇海甬江精密机械有限公司', district: '330211', above: true, mu: 40, tax: 4_200_000, va: 30_000_000, kwh: 3_000_000 },
  { name: '宁波镇海港城新材料有限公司', district: '330211', above: true, mu: 60, tax: 1_100_000, va: 12_000_000, kwh: 5_000_000 },
  { name: '宁波鄞州东钱湖模具有限公司', district: '330212', above: true, mu: 25, tax: 2_600_000, va: 21_000_000, kwh: 2_000_000 },
  { name: '宁波鄞州明州紧固件有限公司', district: '330212', above: true, mu: 30, tax: 450_000, va: 6_000_000, kwh: 4_000_000 },
  { name: '宁波镇海骆驼五金厂', district: '330211', above: false, mu: 6, tax: 180_000, va: 1_000_000, kwh: 200_000 },
  { name: '宁波鄞州姜山小五金加工厂', district: '330212', above: false, mu: 4, tax: 40_000, va: 400_000, kwh: 300_000 },
  { name: '宁波镇海庄市塑料制品厂', district: '330211', above: false, mu: 8, tax: 300_000, va: 1_500_000, kwh: 250_000 },
  { name: '宁波鄞州五乡电器配件厂', district: '330212', above: false, mu: 5, tax: 90_000, va: 700_000, kwh: 400_000 },
];

describe('console: the 亩均 evaluation page and a firm’s sheet', () => {
  let b: BrowserApp;
  let staff: ConsoleUser;
  let liaison: ConsoleUser;
  const ids: string[] = [];

  beforeAll(async () => {
    b = await startBrowserApp();
    staff = await b.user('BUREAU_STAFF', '王科员');
    const headers = { Authorization: `Bearer ${await b.t.login(staff.username, staff.password)}` };
    const codes: string[] = [];
    for (const f of FIRMS) {
      const code = creditCode(f.district);
      const res = await b.t.http.post('/api/v1/enterprises').set(headers).send({ creditCode: code, name: f.name, districtCode: f.district, industryCode: '3411', aboveScale: f.above, foundedOn: '2012-04-01', landAreaMu: f.mu });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
      codes.push(code);
      const put = await b.t.http.put(`/api/v1/enterprises/${res.body.id}/figures/${YEAR}`).set(headers).send({ valueAddedYuan: f.va, rdSpendYuan: Math.round(f.va * 0.05), energyUseTce: Math.round(f.kwh / 8000) });
      expect(put.status).toBeLessThan(300);
    }
    const land = ['统一社会信用代码,年度,用地类型,用地面积(亩),投入使用日期,核实人,核实日期,数据来源', ...FIRMS.map((f, i) => `${codes[i]},${YEAR},自有用地,${f.mu},2014-01-01,区自然资源分局,2024-03-01,不动产登记`)].join('\n');
    const figures = ['统一社会信用代码,年度,评价税收(元),用电量(千瓦时),主要污染物排放当量(吨),主营业务收入(元),年平均职工人数', ...FIRMS.map((f, i) => `${codes[i]},${YEAR},${f.tax},${f.kwh},${(f.kwh / 100000).toFixed(2)},${f.va * 4},${Math.round(f.va / 200000)}`)].join('\n');
    for (const [kind, body] of [['land-use', land], ['evaluation-figures', figures]]) {
      const res = await b.t.http.post(`/api/v1/imports/${kind}?dryRun=false`).set(headers).attach('file', Buffer.from(body), `${kind}.csv`);
      expect(res.body.counts.rejected).toBe(0);
    }
    liaison = await b.user('LIAISON', '李联络', { enterpriseIds: [ids[3]] });
  });
  afterAll(() => b.close());

  it('runs the year, shows the distribution by class and district and opens a firm’s sheet', async () => {
    const page = await b.loggedIn(staff);
    await page.getByRole('menuitem', { name: '亩均评价' }).click();
    // No year is computed yet: pick the seeded scheme's year.
    await page.goto(`${b.baseUrl}/evaluation?year=${YEAR}`);
    await page.getByText(`${YEAR} 年亩均评价尚未计算`).waitFor();
    await page.getByRole('button', { name: /^计\s*算$/ }).click();
    await page.getByRole('dialog').waitFor();
    await settled(page);
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('各区县档次分布').waitFor();
    await page.getByRole('cell', { name: '宁波镇海甬江精密机械有限公司' }).waitFor();
    await page.getByText('共 8 家').waitFor();
    await b.screenshot(page, 'evaluation');
    await page.getByRole('link', { name: '宁波鄞州明州紧固件有限公司' }).click();
    await page.getByText('指标与得分').first().waitFor();
    await page.getByRole('cell', { name: /亩均税收/ }).waitFor();
    await b.screenshot(page, 'evaluation-sheet');
    await page.context().close();
    // the first page builds the console's chunks under a shared CPU: more room than the 120 s default
  }, 240_000);

  it('lets the liaison object to their own sheet with evidence', async () => {
    const page = await b.loggedIn(liaison);
    await page.getByRole('menuitem', { name: '亩均评价单' }).click();
    await page.getByText('宁波鄞州明州紧固件有限公司').first().waitFor();
    await page.getByLabel('异议理由').fill('2023年四季度退税 12 万元应计入评价税收');
    await page.getByLabel('佐证材料(每行一项)').fill('税务局退税凭证 甬税退〔2024〕117号');
    await page.getByRole('button', { name: '提出异议' }).click();
    await page.getByText('待处理', { exact: true }).waitFor();
    await b.screenshot(page, 'evaluation-objection');
    await page.context().close();
  });
});
