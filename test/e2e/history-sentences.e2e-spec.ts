import { enterprisePayload } from '../setup/fixtures';
import { createTestApp, TestApp, TEST_PASSWORD } from '../setup/test-app';

type Change = { field: string; key: string; label: string; unit?: string; before: unknown; after: unknown };
type Entry = { at: string; action: string; actionLabel: string; entityTypeLabel: string; actorDisplayName: string; changes: Change[] };

describe('an enterprise\'s history carries what "王科员 将 注册资本 由 3,040万元 改为 2,000万元" needs', () => {
  let t: TestApp;
  let wang: Record<string, string>;
  let firm: { id: string; version: number };

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.as('ADMIN');
    await t.http.post('/api/v1/users').set(admin).send({ username: 'wang_ky', password: TEST_PASSWORD, role: 'BUREAU_STAFF', displayName: '王科员' }).expect(201);
    wang = { Authorization: `Bearer ${await t.login('wang_ky', TEST_PASSWORD)}` };
    firm = (await t.http.post('/api/v1/enterprises').set(wang).send(enterprisePayload({ registeredCapitalYuan: 30400000 })).expect(201)).body;
    await t.http.patch(`/api/v1/enterprises/${firm.id}`).set(wang).send({ version: firm.version, registeredCapitalYuan: 20000000, legalRepresentative: '张三' }).expect(200);
    await t.http.put(`/api/v1/enterprises/${firm.id}/figures/2022`).set(wang).send({ operatingRevenueYuan: 100000000 }).expect(201);
    await t.http.put(`/api/v1/enterprises/${firm.id}/figures/2022`).set(wang).send({ version: 1, operatingRevenueYuan: 120000000 }).expect(200);
  });
  afterAll(() => t.close());

  const history = async () => (await t.http.get(`/api/v1/enterprises/${firm.id}/history`).set(wang).expect(200)).body.items as Entry[];

  it('names the actor, the action and each changed field with its label, unit, before and after', async () => {
    const update = (await history()).find((e) => e.action === 'enterprise.update')!;
    expect(update).toMatchObject({ actorDisplayName: '王科员', actionLabel: '修改了企业信息', entityTypeLabel: '企业' });
    expect(update.changes).toEqual([
      { field: 'legalRepresentative', key: 'enterprise.legalRepresentative', label: '法定代表人', before: null, after: '张三' },
      { field: 'registeredCapitalYuan', key: 'enterprise.registeredCapitalYuan', label: '注册资本', unit: '元', before: 30400000, after: 20000000 },
    ]);
  });

  it('does the same for figures, leaving out what is not a field (version, times, labels)', async () => {
    const figures = (await history()).find((e) => e.action === 'figures.update')!;
    expect(figures).toMatchObject({ actionLabel: '修改了经营数据', entityTypeLabel: '经营数据' });
    expect(figures.changes).toEqual([
      { field: 'operatingRevenueYuan', key: 'enterprise_figure.operatingRevenueYuan', label: '营业收入', unit: '元', before: 100000000, after: 120000000 },
    ]);
  });

  it('uses labels the dictionary gives for the same keys, and ISO timestamps with an offset', async () => {
    const dict = (await t.http.get('/api/v1/dictionaries').set(wang).expect(200)).body;
    for (const entry of await history()) {
      expect(entry.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
      for (const change of entry.changes) {
        const [entity, field] = change.key.split('.');
        expect(dict.fields[entity][field].label).toBe(change.label);
      }
    }
  });

  it('lists on creation only the fields that got a value', async () => {
    const created = (await history()).find((e) => e.action === 'enterprise.create')!;
    expect(created.actorDisplayName).toBe('王科员');
    expect(created.changes.find((c) => c.field === 'registeredCapitalYuan')).toMatchObject({ before: null, after: 30400000 });
    expect(created.changes.every((c) => c.after !== null)).toBe(true);
  });
});
