import { Logger } from '@nestjs/common';

import { createTestApp, TestApp } from '../setup/test-app';
import { TcpProxy } from '../setup/tcp-proxy';

/**
 * The database goes away under the running app (a proxy in front of the test server is cut, so the
 * shared server keeps running): API calls answer 503 SERVICE_UNAVAILABLE with Retry-After, not 500,
 * each logged as one line; when the database is back the app serves again without a restart.
 */
describe('database outage', () => {
  let t: TestApp;
  let proxy: TcpProxy;
  let viewer: Record<string, string>;

  beforeAll(async () => {
    const server = new URL(process.env.CR_TEST_SERVER_URL!);
    proxy = new TcpProxy(server.hostname, Number(server.port || 5432));
    await proxy.start();
    t = await createTestApp({}, { connectThrough: (url) => proxy.rewrite(url) });
    viewer = await t.as('VIEWER');
  });
  afterAll(async () => {
    await proxy.restore().catch(() => undefined);
    await t.close();
    await proxy.cut();
  });

  it('answers 503 with Retry-After while the database is down and recovers by itself', async () => {
    await t.http.get('/api/v1/enterprises').set(viewer).expect(200);
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const error = jest.spyOn(Logger.prototype, 'error');
    try {
      await proxy.cut();

      const list = await t.http.get('/api/v1/enterprises').set(viewer);
      expect(list.status).toBe(503);
      expect(list.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', requestId: expect.any(String) });
      expect(list.headers['retry-after']).toBe('5');
      const login = await t.http.post('/api/v1/auth/login').send({ username: 'admin', password: 'whatever-1234' });
      expect([login.status, login.body.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
      const ready = await t.http.get('/health/ready');
      expect([ready.status, ready.body.code, ready.headers['retry-after']]).toEqual([503, 'SERVICE_UNAVAILABLE', '5']);
      await t.http.get('/health').expect(200);

      // one line per failed request, no stack trace, nothing at error level
      expect(error).not.toHaveBeenCalled();
      expect(warn).toHaveBeenCalledTimes(3);
      for (const [entry] of warn.mock.calls) expect(JSON.stringify(entry)).not.toMatch(/\\n\s+at /);
    } finally {
      warn.mockRestore();
      error.mockRestore();
      await proxy.restore();
    }

    await t.http.get('/health/ready').expect(200);
    const again = await t.http.get('/api/v1/enterprises').set(viewer).expect(200);
    expect(again.body.items).toEqual(expect.any(Array));
  });
});
