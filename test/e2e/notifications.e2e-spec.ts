import { NotificationJobService } from '@app/notifications';

import { CultivationWorld } from '../setup/cultivation-world';
import { createTestApp, TestApp } from '../setup/test-app';

// A fixed clock: 12 October 2022 in Beijing. Q3 2022 ended on 30 September, 12 days earlier.
const TODAY = '2022-10-12';

describe('inbox and the daily reminder job', () => {
  let t: TestApp;
  let job: NotificationJobService;
  let staff: Record<string, string>;
  let zhenhai: Record<string, string>;
  let beilun: Record<string, string>;
  let liaison: Record<string, string>;
  const ids: Record<string, string> = {};
  let expected: [string, string][];

  const userId = async (username: string) => (await t.sql('SELECT id FROM app_user WHERE username = $1', [username]))[0].id as string;
  const inbox = async (who: Record<string, string>) => (await t.http.get('/api/v1/notifications?pageSize=100').set(who).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp();
    job = t.app.get(NotificationJobService);
    staff = await t.as('BUREAU_STAFF');
    zhenhai = await t.as('DISTRICT_STAFF', { districtCodes: ['330211'] });
    beilun = await t.as('DISTRICT_STAFF', { districtCodes: ['330206'] });
    const world = new CultivationWorld(t, staff);
    const inZhenhai = await world.enterprise({ districtCode: '330211' });
    const inBeilun = await world.enterprise({ districtCode: '330206' });
    liaison = await t.as('LIAISON', { enterpriseIds: [inZhenhai] });
    // Expiring 20 days after TODAY (inside 30), 80 days after (inside 90 only), 232 days after (neither).
    ids.soon = await world.designation({ enterpriseId: inZhenhai, type: 'LITTLE_GIANT', level: 'NATIONAL', expiresOn: '2022-11-01', events: [{ to: 'RECOGNISED', on: '2019-11-01' }] });
    // Created last on its firm: a create first lapses the firm's designations already past expiry by the real clock.
    await world.designation({ enterpriseId: inBeilun, type: 'SINGLE_CHAMPION', level: 'NATIONAL', expiresOn: '2023-06-01', events: [{ to: 'RECOGNISED', on: '2020-06-01' }] });
    ids.later = await world.designation({ enterpriseId: inBeilun, type: 'LITTLE_GIANT', level: 'NATIONAL', expiresOn: '2022-12-31', events: [{ to: 'RECOGNISED', on: '2019-12-31' }] });
    const submit = async (year: number) =>
      (await t.http.post(`/api/v1/enterprises/${inZhenhai}/change-requests`).set(liaison).send({ figures: { year, operatingRevenueYuan: 1e8 + year } }).expect(201)).body.id as string;
    ids.approved = await submit(2019);
    ids.rejected = await submit(2020);
    ids.pending = await submit(2021);
    await t.http.post(`/api/v1/change-requests/${ids.approved}/approve`).set(zhenhai).expect(200);
    await t.http.post(`/api/v1/change-requests/${ids.rejected}/reject`).set(zhenhai).send({ reason: '与统计年报不符' }).expect(200);

    // Lines behind at the end of Q3, as the progress page shows them (manual lines nobody reported excluded).
    const q3 = (await t.http.get('/api/v1/quota-plans/2022/progress?asOf=2022-09-30').set(staff).expect(200)).body.lines as {
      code: string; status: string; measureKind: string; evidence: string | null;
    }[];
    const behind = q3.filter((l) => l.status === 'BEHIND' && !(l.measureKind === 'MANUAL' && l.evidence === null)).map((l) => l.code);
    expect(behind.length).toBeGreaterThan(0);
    const [staffId, zhenhaiId, beilunId, liaisonId] = await Promise.all(['bureau_staff_0', 'district_staff_3302110', 'district_staff_3302060', 'liaison_1'].map(userId));
    expected = [
      [zhenhaiId, `cr-waiting:${ids.pending}`],
      [zhenhaiId, `expiring:${ids.soon}:2022-11-01:30`],
      [beilunId, `expiring:${ids.later}:2022-12-31:90`],
      [liaisonId, `cr-decided:${ids.approved}`],
      [liaisonId, `cr-decided:${ids.rejected}`],
      ...behind.map((code): [string, string] => [staffId, `behind:2022Q3:${code}`]),
      [staffId, 'not-frozen:2022Q3'],
    ];
    expected.sort();
  });
  afterAll(() => t.close());

  const stored = async () =>
    ((await t.sql('SELECT user_id, dedupe_key FROM notification ORDER BY user_id, dedupe_key')) as { user_id: string; dedupe_key: string }[]).map((r) => [r.user_id, r.dedupe_key]);

  it('previews (dry run) exactly what it will send, writing nothing', async () => {
    const preview = await job.preview(TODAY);
    expect(preview.map((n) => [n.userId, n.dedupeKey]).sort()).toEqual(expected);
    expect(await stored()).toEqual([]);
  });

  it('sends each expected notification once, however often it runs', async () => {
    const first = await job.run(TODAY);
    expect(first).toEqual({ today: TODAY, ran: true, candidates: expected.length, created: expected.length });
    const second = await job.run(TODAY);
    expect(second.created).toBe(0);
    expect((await stored()).sort()).toEqual(expected);
    expect(await job.preview(TODAY)).toEqual([]);
  });

  it('lets two instances run at once without sending anything twice', async () => {
    await t.sql('DELETE FROM notification');
    const runs = await Promise.all([job.run(TODAY), job.run(TODAY)]);
    expect(runs.reduce((sum, r) => sum + r.created, 0)).toBe(expected.length);
    expect((await stored()).sort()).toEqual(expected);
  });

  it('shows each user only their own inbox, with an unread count that reading lowers', async () => {
    const mine = await inbox(liaison);
    expect(mine.items.map((n: { kindLabel: string }) => n.kindLabel)).toEqual(['变更申请已处理', '变更申请已处理']);
    expect(mine.items.map((n: { title: string }) => n.title).sort()).toEqual([expect.stringContaining('已通过'), expect.stringContaining('已驳回')].sort());
    expect(mine.items.some((n: { body: string }) => n.body.includes('与统计年报不符'))).toBe(true);
    expect((await t.http.get('/api/v1/notifications/unread-count').set(liaison).expect(200)).body).toEqual({ unread: 2 });
    await t.http.post(`/api/v1/notifications/${mine.items[0].id}/read`).set(liaison).expect(201);
    expect((await t.http.get('/api/v1/notifications/unread-count').set(liaison).expect(200)).body).toEqual({ unread: 1 });
    // Another user's message cannot be read or marked.
    await t.http.post(`/api/v1/notifications/${mine.items[1].id}/read`).set(zhenhai).expect(404);
    const beilunInbox = await inbox(beilun);
    expect(beilunInbox.items.map((n: { kind: string }) => n.kind)).toEqual(['RECOGNITION_EXPIRING']);
    await t.http.post('/api/v1/notifications/read-all').set(staff).expect(201);
    expect((await t.http.get('/api/v1/notifications/unread-count').set(staff).expect(200)).body).toEqual({ unread: 0 });
  });

  it('stops reminding about a quarter once it is frozen', async () => {
    await t.http.post('/api/v1/quota-plans/2022/quarters/3/snapshot').set(staff).expect(201);
    const keys = (await job.preview('2022-10-13')).map((n) => n.dedupeKey);
    expect(keys).not.toContain('not-frozen:2022Q3');
  });
});
