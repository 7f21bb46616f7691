import { gzipSync } from 'node:zlib';

import { createTestApp, TestApp } from '../setup/test-app';
import { enterprisePayload } from '../setup/fixtures';

/** Input a hostile or careless client sends: each answers 4xx in the one error shape, never 500. */
describe('hostile input', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let staff: Record<string, string>;
  let enterprise: { id: string; version: number };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.as('ADMIN');
    staff = await t.as('BUREAU_STAFF');
    enterprise = (await t.http.post('/api/v1/enterprises').set(staff).send(enterprisePayload()).expect(201)).body;
  });
  afterAll(() => t.close());

  const expectFieldError = (res: { status: number; body: { code: string; errors?: { field: string; code: string }[] } }, field: string, code?: string) => {
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining(code ? { field, code } : { field })]));
  };

  describe('explicit null', () => {
    it('refuses null on optional fields that cannot be empty, naming the field', async () => {
      const name = await t.http.patch(`/api/v1/enterprises/${enterprise.id}`).set(staff).send({ version: enterprise.version, name: null });
      expectFieldError(name, 'name', 'NOT_NULL');
      const user = (await t.http.get('/api/v1/users?pageSize=100').set(admin).expect(200)).body.items.find((u: { username: string }) => u.username === 'admin');
      const active = await t.http.patch(`/api/v1/users/${user.id}`).set(admin).send({ version: user.version, active: null });
      expectFieldError(active, 'active', 'NOT_NULL');
      const status = await t.http.patch(`/api/v1/enterprises/${enterprise.id}`).set(staff).send({ version: enterprise.version, aboveScale: null, industryCode: null });
      expectFieldError(status, 'aboveScale', 'NOT_NULL');
      expectFieldError(status, 'industryCode', 'NOT_NULL');
    });

    it('still clears a nullable field with null', async () => {
      const set = await t.http.patch(`/api/v1/enterprises/${enterprise.id}`).set(staff).send({ version: enterprise.version, shortName: '甬测' }).expect(200);
      const cleared = await t.http.patch(`/api/v1/enterprises/${enterprise.id}`).set(staff).send({ version: set.body.version, shortName: null }).expect(200);
      expect(cleared.body.shortName).toBeNull();
      enterprise = cleared.body;
    });

    it("refuses a liaison's change request with profile.name null at submission, so no approval can fail later", async () => {
      const liaison = await t.as('LIAISON', { enterpriseIds: [enterprise.id] });
      const res = await t.http.post(`/api/v1/enterprises/${enterprise.id}/change-requests`).set(liaison).send({ version: enterprise.version, profile: { name: null } });
      expectFieldError(res, 'profile.name', 'NOT_NULL');
      const whole = await t.http.post(`/api/v1/enterprises/${enterprise.id}/change-requests`).set(liaison).send({ version: enterprise.version, profile: null });
      expectFieldError(whole, 'profile', 'NOT_NULL');
      const pending = await t.sql<{ n: string }>('SELECT count(*) AS n FROM change_request WHERE enterprise_id = $1', [enterprise.id]);
      expect(Number(pending[0].n)).toBe(0);
    });
  });

  describe('bodies the parser refuses', () => {
    const login = () => t.http.post('/api/v1/auth/login');

    it('refuses JSON nested deeper than the limit with 400, anonymously on /auth/login', async () => {
      const deep = '{"username":' + '['.repeat(5000) + ']'.repeat(5000) + ',"password":"x"}';
      const res = await login().set('Content-Type', 'application/json').send(deep).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.message).toContain('嵌套过深');
      // 32 levels are fine for the parser (and then wrong for the DTO: 400 as well, from validation)
      const ok = '{"username":' + '['.repeat(31) + ']'.repeat(31) + ',"password":"x"}';
      const shallow = await login().set('Content-Type', 'application/json').send(ok).expect(400);
      expect(shallow.body.errors[0].field).toBe('username');
    });

    it('answers 415 to a charset other than UTF-8 and 400 to a gzip header on a plain body or malformed JSON', async () => {
      for (const charset of ['gb18030', 'UTF8', 'latin1']) {
        const res = await login().set('Content-Type', `application/json; charset=${charset}`).send('{"username":"a","password":"b"}');
        expect([res.status, res.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
      }
      const plain = await login().set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send('{"username":"a"}');
      expect(plain.status).toBe(400);
      expect(plain.body).toMatchObject({ code: 'VALIDATION_FAILED', requestId: expect.any(String) });
      const broken = await login().set('Content-Type', 'application/json').send('{"username": "a",').expect(400);
      expect(broken.body.code).toBe('VALIDATION_FAILED');
      const unknown = await login().set('Content-Type', 'application/json').set('Content-Encoding', 'br-x').send('{}');
      expect([unknown.status, unknown.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    });

    it('still reads a real gzip body', async () => {
      const body = gzipSync(Buffer.from(JSON.stringify({ username: 'admin', password: 'wrong-password-1' })));
      const res = await login().set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').serialize((b: Buffer) => b as unknown as string).send(body);
      expect([res.status, res.body.code]).toEqual([401, 'INVALID_CREDENTIALS']);
    });

    it('answers 413 to a body over the size limit', async () => {
      const res = await login().send({ username: 'x'.repeat(200 * 1024), password: 'y' }).expect(413);
      expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    });
  });

  describe('NUL and unpaired surrogates', () => {
    it('refuses them in query strings of every list, naming the parameter', async () => {
      for (const [path, field] of [
        ['/api/v1/enterprises?q=a%00b', 'q'],
        ['/api/v1/industries?parentCode=%00', 'parentCode'],
        ['/api/v1/users?q=%00', 'q'],
        ['/api/v1/audit?actor=%00', 'actor'],
        ['/api/v1/designations?batch=%00', 'batch'],
      ]) {
        const res = await t.http.get(path).set(admin);
        expectFieldError(res, field, 'INVALID_CHARACTERS');
      }
    });

    it('refuses them in path parameters and body strings, and nothing is written or audited', async () => {
      const param = await t.http.get('/api/v1/enterprises/by-credit-code/91330211%00').set(staff);
      expectFieldError(param, 'code', 'INVALID_CHARACTERS');
      const before = await t.sql<{ n: string }>('SELECT count(*) AS n FROM audit_log');
      const nul = await t.http.post('/api/v1/enterprises').set(staff).send(enterprisePayload({ name: '宁波\u0000测试有限公司' }));
      expectFieldError(nul, 'name', 'INVALID_CHARACTERS');
      const surrogate = await t.http.patch(`/api/v1/enterprises/${enterprise.id}`).set(staff).send({ version: enterprise.version, name: '宁波x\udfffy有限公司' });
      expectFieldError(surrogate, 'name', 'INVALID_CHARACTERS');
      const nested = await t.http.patch(`/api/v1/enterprises/${enterprise.id}`).set(staff).send({ version: enterprise.version, formerNames: ['ok', 'a\ud800'] });
      expectFieldError(nested, 'formerNames.1', 'INVALID_CHARACTERS');
      const login = await t.http.post('/api/v1/auth/login').send({ username: 'ad\u0000min', password: 'x' });
      expectFieldError(login, 'username', 'INVALID_CHARACTERS');
      const after = await t.sql<{ n: string }>('SELECT count(*) AS n FROM audit_log');
      expect(after[0].n).toBe(before[0].n);
    });

    it('accepts a paired surrogate (an emoji or a CJK Extension B character)', async () => {
      const res = await t.http.patch(`/api/v1/enterprises/${enterprise.id}`).set(staff).send({ version: enterprise.version, shortName: '𠀀测' }).expect(200);
      expect(res.body.shortName).toBe('𠀀测');
      enterprise = res.body;
    });
  });

  it('treats a search without a letter or digit as no search, by one rule for every list', async () => {
    const all = (await t.http.get('/api/v1/enterprises').set(staff).expect(200)).body.meta.total;
    const users = (await t.http.get('/api/v1/users').set(admin).expect(200)).body.meta.total;
    expect(all).toBeGreaterThan(0);
    for (const q of ['%5C', '%20%20', '!!!', '%25', '_']) {
      expect((await t.http.get(`/api/v1/enterprises?q=${q}`).set(staff).expect(200)).body.meta.total).toBe(all);
      expect((await t.http.get(`/api/v1/users?q=${q}`).set(admin).expect(200)).body.meta.total).toBe(users);
    }
    const named = await t.http.get(`/api/v1/enterprises?q=${encodeURIComponent('  宁波测试 ')}`).set(staff).expect(200);
    expect(named.body.items.every((e: { name: string }) => e.name.includes('宁波测试'))).toBe(true);
  });
});
