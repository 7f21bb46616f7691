import { createTestApp, TestApp } from '../setup/test-app';

const directives = (csp: string) => csp.split(';').map((d) => d.trim().split(/\s+/)[0]);

describe('content-security policy on a plain-HTTP intranet host name and behind HTTPS', () => {
  describe('served over plain HTTP (no PUBLIC_URL)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(() => t.close());

    it('does not tell the browser to upgrade to https, nor to keep to HTTPS', async () => {
      const res = await t.http.get('/docs/').set('Host', 'peiyu-server:3000').expect(200);
      expect(directives(res.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    });

    it('serves Swagger UI at a host name other than localhost with every script from the same origin (none inline)', async () => {
      const res = await t.http.get('/docs/').set('Host', 'peiyu-server:3000').expect(200);
      const csp: string = res.headers['content-security-policy'];
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      const html: string = res.text;
      const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(body.trim()).toBe('');
        const src = /src="([^"]+)"/.exec(attributes)![1];
        expect(src).not.toMatch(/^(https?:)?\/\//);
        const path = src.startsWith('/') ? src : `/docs/${src.replace(/^\.\//, '')}`;
        await t.http.get(path).set('Host', 'peiyu-server:3000').expect(200);
      }
      await t.http.get('/docs-json').set('Host', 'peiyu-server:3000').expect(200);
    });
  });

  describe('served over HTTPS (PUBLIC_URL=https://…)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ PUBLIC_URL: 'https://peiyu.jxj.ningbo.gov.cn' });
    });
    afterAll(async () => {
      await t.close();
      delete process.env.PUBLIC_URL;
    });

    it('tells the browser to upgrade requests and keep to HTTPS', async () => {
      const res = await t.http.get('/health').expect(200);
      expect(directives(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    });
  });
});
