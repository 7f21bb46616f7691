import { createTestApp, TestApp } from '../setup/test-app';

describe('the console served at /', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('serves index.html at / and for client routes, without inline scripts', async () => {
    for (const path of ['/', '/enterprises', '/enterprises/8a0c1f4e-0000-4000-8000-000000000000', '/login']) {
      const res = await t.http.get(path);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.text).toContain('<div id="root">');
      expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    }
  });

  it('keeps the API, Swagger and health routes, and the API JSON 404 for unknown API paths', async () => {
    const unknown = await t.http.get('/api/v1/no-such-route');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('ROUTE_NOT_FOUND');
    expect((await t.http.get('/docs-json')).body.openapi).toMatch(/^3\./);
    expect((await t.http.get('/docs')).text).toContain('swagger');
    expect((await t.http.get('/health')).body.status).toBe('ok');
    expect((await t.http.get('/api/v1/districts')).status).toBe(401);
    // a malformed body is still the API's 400, not a page or a 404
    const staff = await t.as('BUREAU_STAFF');
    const malformed = await t.http.post('/api/v1/enterprises').set(staff).set('content-type', 'application/json').send('{"name":');
    expect(malformed.status).toBe(400);
  });

  it('answers 404 for a missing asset instead of the page', async () => {
    expect((await t.http.get('/assets/no-such-file.js')).status).toBe(404);
  });
});
