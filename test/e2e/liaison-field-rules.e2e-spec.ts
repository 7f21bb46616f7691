import { enterprisePayload } from '../setup/fixtures';
import { createTestApp, TestApp } from '../setup/test-app';

/** The 申请修改 form marks each field from GET /change-requests/field-rules; the rules must be what submitting does. */
describe('liaison field rules', () => {
  let t: TestApp;
  let staff: Record<string, string>;
  let liaison: Record<string, string>;
  let enterpriseId: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.as('BUREAU_STAFF');
    enterpriseId = (await t.http.post('/api/v1/enterprises').set(staff).send(enterprisePayload()).expect(201)).body.id;
    liaison = await t.as('LIAISON', { enterpriseIds: [enterpriseId] });
  });
  afterAll(() => t.close());

  it('labels contact fields 立即生效, registered facts 需审核 and the rest locked, and submitting behaves so', async () => {
    const rules = (await t.http.get('/api/v1/change-requests/field-rules').set(liaison).expect(200)).body as { field: string; label: string; rule: string; ruleLabel: string }[];
    const rule = (field: string) => rules.find((r) => r.field === field);
    expect(rule('contactPhone')).toMatchObject({ label: '联系电话', rule: 'IMMEDIATE', ruleLabel: '立即生效' });
    expect(rule('legalRepresentative')).toMatchObject({ label: '法定代表人', rule: 'REVIEWED', ruleLabel: '需审核' });
    expect(rule('districtCode')).toMatchObject({ label: '所属区县', rule: 'LOCKED', ruleLabel: '请联系区县工作人员' });
    expect(rule('archived')).toBeUndefined();

    const immediate = await t.http.post(`/api/v1/enterprises/${enterpriseId}/change-requests`).set(liaison).send({ version: 1, profile: { contactPhone: '0574-88888888' } }).expect(201);
    expect(immediate.body.status).toBe('APPLIED');
    const reviewed = await t.http.post(`/api/v1/enterprises/${enterpriseId}/change-requests`).set(liaison).send({ version: 2, profile: { legalRepresentative: '李四' } }).expect(201);
    expect(reviewed.body.status).toBe('PENDING');
    const locked = await t.http.post(`/api/v1/enterprises/${enterpriseId}/change-requests`).set(liaison).send({ version: 2, profile: { districtCode: '330212' } });
    expect([locked.status, locked.body.code]).toEqual([403, 'FIELD_NOT_ALLOWED']);
  });

  it('is not shown to viewers, who handle no change requests', async () => {
    await t.http.get('/api/v1/change-requests/field-rules').set(await t.as('VIEWER')).expect(403);
  });
});
