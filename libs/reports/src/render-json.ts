import type { Writable } from 'node:stream';

import type { QuarterlyReportPayload } from '@app/quotas';

import { linesOnly } from './district-view';
import type { ReportRows } from './report-rows';
import { TextOut } from './text-out';

/**
 * The report as JSON, written as it is read: the payload's keys, then `drillDown` (every line, its rows in report
 * order) and `lackingFigures` (the lines in `lackingCodes`; left out when null), as quarters frozen with their rows
 * inside the payload returned them.
 */
export async function renderJson(payload: QuarterlyReportPayload, rows: ReportRows, lackingCodes: string[] | null, out: Writable): Promise<void> {
  const text = new TextOut(out);
  await text.write(JSON.stringify(linesOnly(payload)).slice(0, -1) + ',"drillDown":{');
  const list = async (codes: string[], lacking: boolean) => {
    for (const [i, code] of codes.entries()) {
      await text.write(`${i ? ',' : ''}${JSON.stringify(code)}:[`);
      let first = true;
      for await (const batch of rows(code, lacking)) {
        if (!batch.length) continue;
        await text.write((first ? '' : ',') + batch.map((row) => JSON.stringify(row)).join(','));
        first = false;
      }
      await text.write(']');
    }
  };
  await list(payload.lines.map((l) => l.code), false);
  await text.write('}');
  if (lackingCodes) {
    await text.write(',"lackingFigures":{');
    await list(lackingCodes, true);
    await text.write('}');
  }
  await text.write('}');
  await text.flush();
}
