import { creditCode } from '../setup/fixtures';
import { BrowserApp, ConsoleUser, startBrowserApp } from './support/browser-app';
import { settled } from './support/ui';

const YEAR = 2023;
// Five below-scale firms on ≥ 3 mu: tax per mu and per kWh fall down the list, so the last ranks 5 / 5 → D.
const FIRMS = [
  { name: '宁波镇海骆驼五金厂', mu: 10, tax: 500_000 },
  { name: '宁波镇海庄市塑料制品厂', mu: 10, tax: 400_000 },
  { name: '宁波镇海蛟川电器配件厂', mu: 10, tax: 300_000 },
  { name: '宁波镇海招宝山机械厂', mu: 10, tax: 200_000 },
  { name: '宁波镇海九龙湖小五金加工厂', mu: 10, tax: 10_000 },
];

describe('console: D-class firms opened as remediation cases from the 亩均评价 page', () => {
  let b: BrowserApp;
  let staff: ConsoleUser;

  beforeAll(async () => {
    b = await startBrowserApp();
    staff = await b.user('BUREAU_STAFF', '王科员');
    const headers = { Authorization: `Bearer ${await b.t.login(staff.username, staff.password)}` };
    const codes: string[] = [];
    for (const f of FIRMS) {
      const code = creditCode('330211');
      const res = await b.t.http.post('/api/v1/enterprises').set(headers).send({ creditCode: code, name: f.name, districtCode: '330211', industryCode: '3411', aboveScale: false, foundedOn: '2012-04-01', landAreaMu: f.mu });
      expect(res.status).toBe(201);
      codes.push(code);
    }
    const land = ['统一社会信用代码,年度,用地类型,用地面积(亩),投入使用日期', ...FIRMS.map((f, i) => `${codes[i]},${YEAR},自有用地,${f.mu},2014-01-01`)].join('\n');
    const figures = ['统一社会信用代码,年度,评价税收(元),用电量(千瓦时)', ...FIRMS.map((f, i) => `${codes[i]},${YEAR},${f.tax},100000`)].join('\n');
    for (const [kind, body] of [['land-use', land], ['evaluation-figures', figures]]) {
      const res = await b.t.http.post(`/api/v1/imports/${kind}?dryRun=false`).set(headers).attach('file', Buffer.from(body), `${kind}.csv`);
      expect(res.body.counts.rejected).toBe(0);
    }
    expect((await b.t.http.post(`/api/v1/evaluations/${YEAR}/run`).set(headers)).status).toBe(200);
    const overview = await b.t.http.get(`/api/v1/evaluations/${YEAR}`).set(headers);
    const pub = await b.t.http.post(`/api/v1/evaluations/${YEAR}/publicity`).set(headers).send({ startsOn: '2024-05-01', endsOn: '2024-05-07', version: overview.body.version });
    expect(pub.status).toBe(200);
  });
  afterAll(() => b.close());

  it('shows the count in the confirm and opens the cases', async () => {
    const page = await b.loggedIn(staff);
    await page.goto(`${b.baseUrl}/evaluation?year=${YEAR}`);
    await page.getByRole('button', { name: 'D 类企业批量立案' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('D 类企业共').waitFor();
    await dialog.getByRole('button', { name: '确认立案 1 家' }).waitFor();
    await dialog.getByLabel('责任单位').fill('镇海区经信局');
    await dialog.getByLabel('整治期限').click();
    await dialog.getByLabel('整治期限').fill('2099-12-31');
    await dialog.getByLabel('整治期限').press('Enter');
    await settled(page);
    await b.screenshot(page, 'evaluation-d-class-bulk-open');
    await dialog.getByRole('button', { name: '确认立案 1 家' }).click();
    await page.getByText('已为 1 家D类企业立案').waitFor();
    await page.context().close();
    const cases = await b.t.sql<{ name: string }>(`SELECT e.name FROM remediation_case c JOIN enterprise e ON e.id = c.enterprise_id WHERE c.source_kind = 'EVALUATION_D' AND c.source_year = $1`, [YEAR]);
    expect(cases.map((c) => c.name)).toEqual(['宁波镇海九龙湖小五金加工厂']);
  }, 240_000);
});
