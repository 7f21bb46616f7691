import 'reflect-metadata';

import { NestFactory } from '@nestjs/core';

import { AppException, ConfigError, JsonLogger, loadConfig } from '@app/core';
import { DataDirInUseError, resolveDatabase } from '@app/database';

import { parseArgs, UsageError } from './args';
import { CliModule } from './cli.module';
import { migrateCommand } from './commands/migrate.command';
import { notifyCommand } from './commands/notify.command';
import { reportQuarterlyCommand } from './commands/report-quarterly.command';
import { seedCommand } from './commands/seed.command';
import { userCreateCommand } from './commands/user-create.command';
import { importCommand } from './commands/import.command';
import { generateDemoCommand } from './commands/generate-demo.command';
import { benchCommand } from './bench/bench.command';
import { evaluateCommand } from './commands/evaluate.command';

const USAGE = `Usage: cli <command>
  migrate                         apply pending database migrations
  seed [--demo]                   load reference data (and the demo enterprises) idempotently
  user create --username U --password P --role ROLE [--districts 330211,...] [--enterprises uuid,...] [--name 名字]
  report quarterly --year 2022 --quarter 2 [--format json|csv|xlsx|pdf] --out FILE   write a frozen quarterly report
  import <enterprises|figures|designations|chain-memberships|land-use|evaluation-figures|projects|project-progress|carriers|remediation-cases|land-blocks> FILE [--dry-run]
                                  check (and unless --dry-run, apply) a CSV or XLSX file; all rows or none
  generate-demo --enterprises N [--database NAME] [--seed S]
                                  build a synthetic city (figures, designations, chains, communities); same seed, same city
  evaluate --year Y [--generate] [--baseline]
                                  compute the year's 亩均 evaluation (--generate: synthetic land and figures first)
  notify [--dry-run] [--date YYYY-MM-DD]
                                  send the daily reminders (--dry-run: print what would be sent, write nothing)
  bench [--quick]                 benchmarks at 100,000 and 1,000,000 enterprises (--quick: 100,000) → docs/benchmarks.md
        [--database NAME]         reuse the city in NAME (generated once if empty, kept) instead of a fresh one
        [--suites lookup,start] [--out FILE]   run some suites; write elsewhere

Uses DATABASE_URL, or the embedded PostgreSQL in DATA_DIR (default ./data) when it is unset.`;

const print = (line: string) => process.stdout.write(line + '\n');

async function main(): Promise<number> {
  const { words, options } = parseArgs(process.argv.slice(2));
  // Commands whose later words are arguments (a kind, a file).
  const command = ['import'].includes(words[0]) ? words[0] : words.join(' ');
  if (!command || options.help) {
    print(USAGE);
    return command ? 0 : 2;
  }
  const known = ['migrate', 'seed', 'user create', 'report quarterly', 'import', 'generate-demo', 'bench', 'notify', 'evaluate'];
  if (!known.includes(command)) throw new UsageError(`unknown command "${command}"`);

  const config = loadConfig();
  const logger = new JsonLogger('warn');
  const database = await resolveDatabase(config, (m) => process.stderr.write(m + '\n'));
  try {
    if (command === 'migrate') {
      await migrateCommand(database.url, print);
      return 0;
    }
    if (command === 'generate-demo') {
      await generateDemoCommand(database.url, options, print);
      return 0;
    }
    if (command === 'bench') return await benchCommand(process.env.BENCH_DATABASE_URL || database.url, options, print);
    const app = await NestFactory.createApplicationContext(CliModule.forRoot(database.url), { logger });
    try {
      if (command === 'seed') await seedCommand(app, options.demo === true, print);
      if (command === 'user create') await userCreateCommand(app, options, print);
      if (command === 'report quarterly') await reportQuarterlyCommand(app, options, print);
      if (command === 'notify') await notifyCommand(app, options, print);
      if (command === 'evaluate') await evaluateCommand(app, options, print);
      if (command === 'import') return await importCommand(app, words.slice(1), options, print);
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
