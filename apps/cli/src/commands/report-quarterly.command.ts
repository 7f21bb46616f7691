import { INestApplicationContext } from '@nestjs/common';
import { createWriteStream } from 'node:fs';

import { SYSTEM_ACTOR } from '@app/core';
import { QuarterlyReportService } from '@app/reports';

import { requireOption, UsageError } from '../args';

/** `report quarterly --year 2022 --quarter 2 --format xlsx --out FILE`: writes the frozen quarter's report. */
export async function reportQuarterlyCommand(app: INestApplicationContext, options: Record<string, string | true>, print: (line: string) => void): Promise<void> {
  const year = Number(requireOption(options, 'year'));
  const quarter = Number(requireOption(options, 'quarter'));
  if (!Number.isInteger(year) || !Number.isInteger(quarter)) throw new UsageError('--year and --quarter must be numbers');
  const out = requireOption(options, 'out');
  const reports = app.get(QuarterlyReportService);
  const format = reports.checkFormat(typeof options.format === 'string' ? options.format : 'xlsx');
  const write = await reports.prepare(SYSTEM_ACTOR, year, quarter, format);
  const file = createWriteStream(out);
  const closed = new Promise<void>((resolve, reject) => {
    file.on('close', resolve);
    file.on('error', reject);
  });
  await write(file);
  await closed;
  print(`wrote ${out} (${year} Q${quarter}, ${format})`);
}
