const s = require('@sparticuz/chromium'); const { chromium } = require('playwright-core');
(async () => {
  const b = await chromium.launch({ executablePath: await s.executablePath(), args: s.args, env: { ...process.env, FONTCONFIG_FILE: process.cwd()+'/dist/.browser-fonts/fonts.conf', FONTCONFIG_PATH: process.cwd()+'/dist/.browser-fonts' } });
  const p = await b.newPage({ viewport: { width: 1440, height: 900 } });
  p.on('console', m => console.log('console', m.type(), m.text()));
  p.on('pageerror', e => console.log('pageerror', e.message));
  p.on('requestfailed', r => console.log('failed', r.url()));
  await p.goto(process.argv[2] || 'http://127.0.0.1:3111/login');
  await p.waitForTimeout(3000);
  await p.screenshot({ path: '/tmp/cr11c/probe.png' });
  await b.close();
})();
