import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.dataDir.endsWith('/data')).toBe(true);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.adminUsername).toBe('admin');
    expect(config.servedOverHttps).toBe(false);
  });

  it('treats the app as served over HTTPS only when PUBLIC_URL is https://', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://peiyu.jxj.nb.gov' }).servedOverHttps).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'http://registry-host:3000' }).servedOverHttps).toBe(false);
  });

  it.each([
    ['PORT', 'abc', /PORT must be a whole number/],
    ['PORT', '70000', /PORT must be between/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL must be a postgres/],
    ['JWT_SECRET', 'short', /JWT_SECRET must be at least 32/],
    ['ADMIN_PASSWORD', '123', /ADMIN_PASSWORD must be at least 10/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['PUBLIC_URL', 'registry-host:3000', /PUBLIC_URL must be an http/],
  ])('rejects %s=%s naming the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});
