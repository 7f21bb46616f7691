import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Bytes a streaming XLSX writer may hold beyond what the client has taken: above this the writer waits. */
export const XLSX_BACKLOG_LIMIT = 4 * 1024 * 1024;

// exceljs 4 internals: the worksheet's StreamBuf (64 KB buffers not yet passed on, and the streams it pipes into).
interface SheetStream {
  buffers?: unknown[];
  bufSize?: number;
  pipes?: { writableLength?: number }[];
}

/** What an exceljs streaming sheet and the response `out` hold, in bytes. */
export function xlsxBacklog(sheet: unknown, out: Writable): number {
  const stream = (sheet as { _stream?: SheetStream })._stream;
  const pipes = stream?.pipes ?? [];
  // Until the zip takes the sheet as its current entry nothing drains the buffer: do not wait for it then.
  if (!pipes.length) return out.writableLength;
  const held = (stream?.buffers?.length ?? 0) * (stream?.bufSize ?? 0);
  return held + pipes.reduce((n, p) => n + (p.writableLength ?? 0), 0) + out.writableLength;
}

/**
 * Backpressure for exceljs's streaming WorkbookWriter; call every few hundred committed rows. exceljs hands the
 * sheet XML to the zip's deflate stream without waiting for it (its StreamBuf ignores write()'s answer), so the
 * backlog piles up there, outside the heap, while the response looks drained: wait until the sheet buffer, the
 * deflate input and the response are low.
 */
export async function xlsxBackpressure(sheet: unknown, out: Writable): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  while (xlsxBacklog(sheet, out) > XLSX_BACKLOG_LIMIT) await new Promise((resolve) => setTimeout(resolve, 2));
  if (out.writableNeedDrain) await once(out, 'drain');
}
