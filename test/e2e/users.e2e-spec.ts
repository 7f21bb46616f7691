import { JwtService } from '@nestjs/jwt';

import { createTestApp, TEST_PASSWORD, TestApp } from '../setup/test-app';
import { enterprisePayload } from '../setup/fixtures';

describe('user administration over HTTP', () => {
  let t: TestApp;
  let admin: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.as('ADMIN');
  });
  afterAll(() => t.close());

  const userId = async (username: string) => (await t.sql<{ id: string }>('SELECT id FROM app_user WHERE username = $1', [username]))[0].id;
  const getUser = async (id: string) => {
    const list = await t.http.get('/api/v1/users?pageSize=100').set(admin).expect(200);
    return list.body.items.find((u: { id: string }) => u.id === id);
  };

  it('lists users with filters and never shows password hashes', async () => {
    await t.as('VIEWER');
    const res = await t.http.get('/api/v1/users?role=VIEWER').set(admin).expect(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.every((u: { role: string }) => u.role === 'VIEWER')).toBe(true);
    expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|\$2[aby]\$/);
  });

  it('disables a user so their token stops working at once, and enables them again (old tokens stay ended)', async () => {
    const headers = await t.as('DISTRICT_STAFF', { districtCodes: ['330211'], username: 'to_disable' });
    await t.http.get('/api/v1/enterprises').set(headers).expect(200);
    const id = await userId('to_disable');
    const disabled = await t.http.patch(`/api/v1/users/${id}`).set(admin).send({ version: 1, active: false }).expect(200);
    expect(disabled.body).toMatchObject({ active: false, version: 2 });
    const refused = await t.http.get('/api/v1/enterprises').set(headers).expect(401);
    expect(refused.body.code).toBe('UNAUTHENTICATED');
    await t.http.post('/api/v1/auth/login').send({ username: 'to_disable', password: TEST_PASSWORD }).expect(401);
    await t.http.patch(`/api/v1/users/${id}`).set(admin).send({ version: 2, active: true }).expect(200);
    await t.http.get('/api/v1/enterprises').set(headers).expect(401);
    const again = await t.login('to_disable', TEST_PASSWORD);
    await t.http.get('/api/v1/enterprises').set({ Authorization: `Bearer ${again}` }).expect(200);
    const actions = await t.sql<{ action: string }>("SELECT action FROM audit_log WHERE entity_type = 'user' AND entity_id = $1 ORDER BY id", [id]);
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['user.create', 'user.disable', 'user.enable']));
  });

  it('rebinds a liaison and the new scope applies on the next request; a stale version gets 409', async () => {
    const staff = await t.as('BUREAU_STAFF');
    const e = (await t.http.post('/api/v1/enterprises').set(staff).send(enterprisePayload()).expect(201)).body;
    const liaison = await t.as('LIAISON', { username: 'rebind_liaison' });
    await t.http.get(`/api/v1/enterprises/${e.id}`).set(liaison).expect(404);
    const id = await userId('rebind_liaison');
    await t.http.patch(`/api/v1/users/${id}`).set(admin).send({ version: 1, enterpriseIds: [e.id], displayName: '联络员甲' }).expect(200);
    await t.http.get(`/api/v1/enterprises/${e.id}`).set(liaison).expect(401);
    const relogged = { Authorization: `Bearer ${await t.login('rebind_liaison', TEST_PASSWORD)}` };
    await t.http.get(`/api/v1/enterprises/${e.id}`).set(relogged).expect(200);
    const stale = await t.http.patch(`/api/v1/users/${id}`).set(admin).send({ version: 1, enterpriseIds: [] }).expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect((await getUser(id)).enterpriseIds).toEqual([e.id]);
    const unknown = await t.http.patch(`/api/v1/users/${id}`).set(admin).send({ version: 2, enterpriseIds: ['0b7f8a3e-5c1d-4e2f-9a6b-7c8d9e0f1a2b'] }).expect(400);
    expect(unknown.body.errors[0].field).toBe('enterpriseIds');
    const district = await t.http.patch(`/api/v1/users/${id}`).set(admin).send({ version: 2, districtCodes: ['999999'] }).expect(400);
    expect(district.body).toMatchObject({ code: 'DISTRICT_UNKNOWN', errors: [{ field: 'districtCodes' }] });
  });

  it('resets a password with the minimum strength, audited without the hash', async () => {
    await t.as('VIEWER', { username: 'forgetful' });
    const id = await userId('forgetful');
    const weak = await t.http.post(`/api/v1/users/${id}/reset-password`).set(admin).send({ password: 'password' }).expect(400);
    expect(weak.body).toMatchObject({ code: 'PASSWORD_TOO_WEAK', errors: [{ field: 'password' }] });
    await t.http.post(`/api/v1/users/${id}/reset-password`).set(admin).send({ password: 'Brand-new-pass-9' }).expect(200);
    await t.http.post('/api/v1/auth/login').send({ username: 'forgetful', password: TEST_PASSWORD }).expect(401);
    await t.http.post('/api/v1/auth/login').send({ username: 'forgetful', password: 'Brand-new-pass-9' }).expect(200);
    const rows = await t.sql<{ after: object }>("SELECT after FROM audit_log WHERE action = 'user.reset_password' AND entity_id = $1", [id]);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).not.toContain('$2');
  });

  describe('ending tokens', () => {
    const fresh = async (username: string, role = 'VIEWER') => {
      const headers = await t.as(role, { username, districtCodes: role === 'DISTRICT_STAFF' ? ['330203'] : undefined });
      await t.http.get('/api/v1/auth/me').set(headers).expect(200);
      return { headers, id: await userId(username) };
    };
    const expectEnded = async (headers: Record<string, string>) => {
      const res = await t.http.get('/api/v1/auth/me').set(headers).expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    };

    it('ends every earlier token of a user whose password an admin resets; a new login works', async () => {
      const { headers, id } = await fresh('reset_tokens');
      const second = { Authorization: `Bearer ${await t.login('reset_tokens', TEST_PASSWORD)}` };
      await t.http.post(`/api/v1/users/${id}/reset-password`).set(admin).send({ password: 'Reset-pass-2023' }).expect(200);
      await expectEnded(headers);
      await expectEnded(second);
      const relogged = { Authorization: `Bearer ${await t.login('reset_tokens', 'Reset-pass-2023')}` };
      await t.http.get('/api/v1/auth/me').set(relogged).expect(200);
    });

    it('ends tokens on a role change and on a district change, not on a display-name edit', async () => {
      const viewer = await fresh('role_tokens');
      await t.http.patch(`/api/v1/users/${viewer.id}`).set(admin).send({ version: 1, displayName: '只改名字' }).expect(200);
      await t.http.get('/api/v1/auth/me').set(viewer.headers).expect(200);
      await t.http.patch(`/api/v1/users/${viewer.id}`).set(admin).send({ version: 2, role: 'BUREAU_STAFF' }).expect(200);
      await expectEnded(viewer.headers);

      const officer = await fresh('scope_tokens', 'DISTRICT_STAFF');
      await t.http.patch(`/api/v1/users/${officer.id}`).set(admin).send({ version: 1, districtCodes: ['330203', '330211'] }).expect(200);
      await expectEnded(officer.headers);
    });

    it('refuses a validly signed token that carries an old token version', async () => {
      const { id } = await fresh('forged_tokens');
      const old = await t.app.get(JwtService).signAsync({ sub: id, role: 'VIEWER', tv: 0 });
      await expectEnded({ Authorization: `Bearer ${old}` });
    });
  });

  it('does not let an admin disable or demote themselves', async () => {
    const id = await userId('admin');
    const { version } = await getUser(id);
    const res = await t.http.patch(`/api/v1/users/${id}`).set(admin).send({ version, active: false }).expect(409);
    expect(res.body.code).toBe('SELF_LOCKOUT');
    await t.http.patch(`/api/v1/users/${id}`).set(admin).send({ version, role: 'VIEWER' }).expect(409);
  });

  it('answers 404 for an unknown user and 401 for an expired token', async () => {
    const res = await t.http.patch('/api/v1/users/0b7f8a3e-5c1d-4e2f-9a6b-7c8d9e0f1a2b').set(admin).send({ version: 1, displayName: 'x' }).expect(404);
    expect(res.body.code).toBe('USER_NOT_FOUND');
    const id = await userId('admin');
    const expired = await t.app.get(JwtService).signAsync({ sub: id, role: 'ADMIN', exp: Math.floor(Date.now() / 1000) - 60 });
    await t.http.get('/api/v1/auth/me').set({ Authorization: `Bearer ${expired}` }).expect(401);
  });
});
