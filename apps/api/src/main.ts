import 'reflect-metadata';

import { NestFactory } from '@nestjs/core';

import { ConfigError, JsonLogger, loadConfig, ROLE_LABELS } from '@app/core';
import { DataDirInUseError, resolveDatabase } from '@app/database';

import { AppModule } from './app.module';
import { configureApp } from './configure-app';
import { DemoLogin } from './demo/demo-users.service';
import { StartupService } from './startup.service';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = new JsonLogger(config.logLevel);
  const database = await resolveDatabase(config, (m) => logger.log(m, 'Database'), { handlesSignals: true });
  let app: Awaited<ReturnType<typeof NestFactory.create>> | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log({ msg: `received ${signal}, shutting down` }, 'Main');
    await app?.close().catch(() => undefined);
    await database.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    app = await NestFactory.create(AppModule.forRoot({ databaseUrl: database.url }), { logger, bufferLogs: true });
    configureApp(app);
    const { seeded, admin, reportFont, demoUsers } = await app.get(StartupService).prepare({ demo: process.argv.includes('--demo') });
    await app.listen(config.port, process.env.HOST ?? '0.0.0.0');
    // The built start (tools/api-main.cjs) saves its V8 code cache after this.
    (process as NodeJS.EventEmitter).emit('api-serving');
    const url = `http://localhost:${config.port}`;
    const lines = [
      '',
      `  企业培育库 Cultivation Registry is serving on ${url} — open the web console at ${url}/`,
      `  API:     ${url}/api/v1        Swagger UI: ${url}/docs`,
      `  Data:    ${config.databaseUrl ? 'DATABASE_URL' : `embedded PostgreSQL in ${config.dataDir}/pg`}; ${seeded.enterprisesAdded} demo enterprises loaded now`,
      admin?.generatedPassword
        ? `  Log in:  user "${admin.username}", password "${admin.generatedPassword}" (generated now and shown once — keep it)`
        : `  Log in:  POST /api/v1/auth/login with your user (first admin: ADMIN_USERNAME, default "admin")`,
      reportFont.status === 'ok' ? `  Reports: PDF font ${reportFont.path}` : `  Reports: PDF UNAVAILABLE — ${reportFont.message}`,
      ...demoLoginLines(demoUsers),
      '',
    ];
    process.stdout.write(lines.join('\n') + '\n');
  } catch (error) {
    logger.error({ msg: 'start-up failed', error: String((error as Error)?.stack ?? error) }, undefined, 'Main');
    await app?.close().catch(() => undefined);
    await database.stop();
    process.exit(1);
  }
}

/** Demo mode: one login per role beside the admin's; a password is shown only on the start that created it. */
function demoLoginLines(users: DemoLogin[]): string[] {
  if (!users.length) return [];
  return [
    '  Demo logins (demo mode only):',
    ...users.map(
      (u) =>
        `    ${ROLE_LABELS[u.role].padEnd(10, '\u3000')} user "${u.username}", ` +
        (u.generatedPassword ? `password "${u.generatedPassword}" (generated now and shown once)` : 'password as printed at the first demo start'),
    ),
  ];
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof DataDirInUseError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`start-up failed: ${String((error as Error)?.stack ?? error)}\n`);
  }
  process.exit(1);
});
