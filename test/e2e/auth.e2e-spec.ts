import { JwtService } from '@nestjs/jwt';

import { createTestApp, TestApp } from '../setup/test-app';
import { enterprisePayload } from '../setup/fixtures';

describe('authentication and access over HTTP', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT: '5' });
  });
  afterAll(() => t.close());

  it('logs in and tells who is logged in', async () => {
    const headers = await t.as('ADMIN');
    const me = await t.http.get('/api/v1/auth/me').set(headers).expect(200);
    expect(me.body).toMatchObject({ username: 'admin', role: 'ADMIN', roleLabel: '系统管理员' });
    expect(me.body.passwordHash).toBeUndefined();
  });

  it('refuses an anonymous write with 401 and changes nothing', async () => {
    const payload = enterprisePayload();
    const res = await t.http.post('/api/v1/enterprises').send(payload).expect(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
    const staff = await t.as('BUREAU_STAFF');
    await t.http.get(`/api/v1/enterprises/by-credit-code/${payload.creditCode}`).set(staff).expect(404);
  });

  it('refuses a forged or garbage token with 401', async () => {
    await t.http.get('/api/v1/enterprises').set({ Authorization: 'Bearer abc.def.ghi' }).expect(401);
  });

  it('keeps tokens compatible with the plain JWT_SECRET string both ways', async () => {
    // How tokens were signed and checked before the secret became a KeyObject.
    const plain = new JwtService({ secret: process.env.JWT_SECRET!, signOptions: { algorithm: 'HS256', expiresIn: 60 } });
    const token = (await t.as('ADMIN')).Authorization.slice('Bearer '.length);
    const payload = plain.verify<{ sub: string; role: string; tv: number }>(token, { algorithms: ['HS256'] });
    expect(payload.role).toBe('ADMIN');
    const outside = plain.sign({ sub: payload.sub, role: 'ADMIN', tv: payload.tv });
    await t.http.get('/api/v1/auth/me').set({ Authorization: `Bearer ${outside}` }).expect(200);
    const forged = plain.sign({ sub: payload.sub, role: 'ADMIN', tv: payload.tv }, { secret: process.env.JWT_SECRET! + 'x' });
    await t.http.get('/api/v1/auth/me').set({ Authorization: `Bearer ${forged}` }).expect(401);
  });

  it('lets a VIEWER read but refuses a VIEWER write with 403', async () => {
    const viewer = await t.as('VIEWER');
    await t.http.get('/api/v1/enterprises').set(viewer).expect(200);
    const res = await t.http.post('/api/v1/enterprises').set(viewer).send(enterprisePayload()).expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
    const staff = await t.as('BUREAU_STAFF');
    const created = await t.http.post('/api/v1/enterprises').set(staff).send(enterprisePayload()).expect(201);
    await t.http.patch(`/api/v1/enterprises/${created.body.id}`).set(viewer).send({ version: 1, name: '改名' }).expect(403);
    await t.http.put(`/api/v1/enterprises/${created.body.id}/figures/2022`).set(viewer).send({ taxPaidYuan: 1 }).expect(403);
  });

  it('lets only an admin create users, with a minimum password strength', async () => {
    const staff = await t.as('BUREAU_STAFF');
    await t.http.post('/api/v1/users').set(staff).send({ username: 'x_user', password: 'Strong-pass-123', role: 'VIEWER' }).expect(403);
    const admin = await t.as('ADMIN');
    const weak = await t.http.post('/api/v1/users').set(admin).send({ username: 'weak_user', password: 'short', role: 'VIEWER' }).expect(400);
    expect(weak.body).toMatchObject({ code: 'PASSWORD_TOO_WEAK', errors: [{ field: 'password' }] });
    await t.http.post('/api/v1/users').set(admin).send({ username: 'dup_user', password: 'Strong-pass-123', role: 'VIEWER' }).expect(201);
    const dup = await t.http.post('/api/v1/users').set(admin).send({ username: 'dup_user', password: 'Strong-pass-123', role: 'VIEWER' }).expect(409);
    expect(dup.body.code).toBe('USERNAME_TAKEN');
  });

  it('rate-limits login attempts and audits the failures', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await t.http.post('/api/v1/auth/login').send({ username: 'admin', password: 'wrong-password-1' });
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThan(0);
    expect(statuses[statuses.length - 1]).toBe(429);
    const failures = await t.sql<{ n: string }>("SELECT count(*) AS n FROM audit_log WHERE action = 'auth.login_failed'");
    expect(Number(failures[0].n)).toBe(statuses.filter((s) => s === 401).length);
  });

  it('serves health, readiness and the OpenAPI document without login', async () => {
    await t.http.get('/health').expect(200, { status: 'ok' });
    expect((await t.http.get('/health/ready').expect(200)).body).toMatchObject({ status: 'ok', checks: { database: 'ok', reportFont: { status: 'ok' } } });
    const doc = await t.http.get('/docs-json').expect(200);
    expect(doc.body.paths['/api/v1/enterprises'].post.security).toEqual([{ bearer: [] }]);
    expect(doc.body.paths['/api/v1/enterprises/{id}'].patch.responses['409']).toBeDefined();
  });

  it('answers unknown routes with the error shape and a request id', async () => {
    const res = await t.http.get('/api/v1/nope').set('x-request-id', 'trace-123').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'ROUTE_NOT_FOUND', requestId: 'trace-123' });
    expect(res.headers['x-request-id']).toBe('trace-123');
  });
});
