import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

import { INestApplicationContext } from '@nestjs/common';

import { AppException, SYSTEM_ACTOR } from '@app/core';
import { ImportKind, ImportReportDto, ImportService } from '@app/importing';

import { UsageError } from '../args';
import { ProgressBar } from './progress-bar';

/** Data lines of a CSV (newlines minus the header); XLSX row counts are unknown until read. */
function csvRowEstimate(buffer: Buffer): number | null {
  if (buffer[0] === 0x50 && buffer[1] === 0x4b) return null;
  let lines = 0;
  for (let i = buffer.indexOf(10); i !== -1; i = buffer.indexOf(10, i + 1)) lines++;
  if (buffer.length && buffer[buffer.length - 1] !== 10) lines++;
  return Math.max(lines - 1, 0);
}

/** `import <kind> FILE [--dry-run]`: the same checks and writes as the upload API; exit 1 when any row is rejected. */
export async function importCommand(app: INestApplicationContext, words: string[], options: Record<string, string | true>, print: (line: string) => void): Promise<number> {
  const [kind, file] = words;
  const kinds = Object.values(ImportKind) as string[];
  if (!kinds.includes(kind) || !file) throw new UsageError(`usage: import <${kinds.join('|')}> FILE [--dry-run]`);
  const buffer = readFileSync(file);
  const dryRun = options['dry-run'] === true;
  const bar = new ProgressBar(dryRun ? 'checking' : 'importing', csvRowEstimate(buffer));
  const actor = { ...SYSTEM_ACTOR, username: `cli:${process.env.USER ?? 'system'}` };
  let report: ImportReportDto;
  let processed = 0;
  try {
    report = await app.get(ImportService).run(actor, kind as ImportKind, { buffer, name: basename(file) }, {
      dryRun,
      onProgress: (rows) => bar.update((processed = rows)),
    });
  } catch (error) {
    bar.done(processed);
    if (!(error instanceof AppException) || error.code !== 'IMPORT_REJECTED') throw error;
    const details = error.details as unknown as ImportReportDto;
    printReport({ ...details, errors: (error.errors ?? []) as unknown as ImportReportDto['errors'] }, print);
    print('nothing was written (未写入任何数据): fix the rows above and run again');
    return 1;
  }
  bar.done(processed);
  printReport(report, print);
  if (dryRun) print(report.counts.rejected ? 'dry run: the file has errors' : 'dry run: the file is good; run again without --dry-run to apply');
  return report.counts.rejected || report.errors.length ? 1 : 0;
}

function printReport(report: ImportReportDto, print: (line: string) => void): void {
  for (const e of report.errors.slice(0, 100)) print(`line ${e.line}, ${e.column}: ${e.code} ${e.message}`);
  if (report.errors.length > 100) print(`… ${report.errors.length - 100} more errors`);
  const c = report.counts;
  print(`${report.kind} ${report.fileSha256}: created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}, rejected ${c.rejected}`);
}
