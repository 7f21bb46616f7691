import 'reflect-metadata';

import { NestFactory } from '@nestjs/core';

import { AppException, ConfigError, JsonLogger, loadConfig } from '@app/core';
import { DataDirInUseError, resolveDatabase } from '@app/database';

import { parseArgs, UsageError } from './args';
import { CliModule } from './cli.module';
import { migrateCommand } from './commands/migrate.command';
import { reportQuarterlyCommand } from './commands/report-quarterly.command';
import { seedCommand } from './commands/seed.command';
import { userCreateCommand } from './commands/user-create.command';

const USAGE = `Usage: cli <command>
  migrate                         apply pending database migrations
  seed [--demo]                   load reference data (and the demo enterprises) idempotently
  user create --username U --password P --role ROLE [--districts 330211,...] [--enterprises uuid,...] [--name 名字]
  report quarterly --year 2022 --quarter 2 [--format json|csv|xlsx|pdf] --out FILE   write a frozen quarterly report

Uses DATABASE_URL, or the embedded PostgreSQL in DATA_DIR (default ./data) when it is unset.`;

const print = (line: string) => process.stdout.write(line + '\n');

async function main(): Promise<number> {
  const { words, options } = parseArgs(process.argv.slice(2));
  const command = words.join(' ');
  if (!command || options.help) {
    print(USAGE);
    return command ? 0 : 2;
  }
  const known = ['migrate', 'seed', 'user create', 'report quarterly'];
  if (!known.includes(command)) throw new UsageError(`unknown command "${command}"`);

  const config = loadConfig();
  const logger = new JsonLogger('warn');
  const database = await resolveDatabase(config, (m) => process.stderr.write(m + '\n'));
  try {
    if (command === 'migrate') {
      await migrateCommand(database.url, print);
      return 0;
    }
    const app = await NestFactory.createApplicationContext(CliModule.forRoot(database.url), { logger });
    try {
      if (command === 'seed') await seedCommand(app, options.demo === true, print);
      if (command === 'user create') await userCreateCommand(app, options, print);
      if (command === 'report quarterly') await reportQuarterlyCommand(app, options, print);
    } finally {
      await app.close();
    }
    return 0;
  } finally {
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof UsageError) process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    else if (error instanceof AppException) process.stderr.write(`${error.code}: ${error.message}\n`);
    else if (error instanceof ConfigError || error instanceof DataDirInUseError) process.stderr.write(`${error.message}\n`);
    else process.stderr.write(`failed: ${String((error as Error)?.stack ?? error)}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
