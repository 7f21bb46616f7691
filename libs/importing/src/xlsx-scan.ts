import { createInflateRaw } from 'node:zlib';

import { FileRejectedError, ImportLimits } from './import-limits';

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  dataStart: number;
}

const unreadable = (why: string) => new FileRejectedError('FILE_UNREADABLE', `XLSX 文件已损坏或不是 XLSX (${why})`);

/** The entries of a ZIP archive, from its central directory. */
function zipEntries(buffer: Buffer): ZipEntry[] {
  const from = Math.max(0, buffer.length - 65_557);
  let eocd = -1;
  for (let i = buffer.length - 22; i >= from; i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable('no end of central directory');
  const count = buffer.readUInt16LE(eocd + 10);
  let at = buffer.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== 0x02014b50) throw unreadable('bad central directory');
    const method = buffer.readUInt16LE(at + 10);
    const compressedSize = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== 0x04034b50) throw unreadable('bad local header');
    const dataStart = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    if (dataStart + compressedSize > buffer.length) throw unreadable('truncated');
    entries.push({ name, method, compressedSize, dataStart });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

interface EntryStats {
  bytes: number;
  /** `<si>` elements (shared strings) */
  strings: number;
  /** `<c>` elements (cells) */
  cells: number;
}

/**
 * Unzips one entry as a stream, counting what it holds and stopping at the first limit passed, so
 * a small file that unzips to gigabytes (or to one 100 MB string) is refused before it is parsed.
 */
function scanEntry(buffer: Buffer, entry: ZipEntry, limits: ImportLimits, budget: { bytes: number }): Promise<EntryStats> {
  const stats: EntryStats = { bytes: 0, strings: 0, cells: 0 };
  const sharedStrings = entry.name === 'xl/sharedStrings.xml';
  const xml = /\.(xml|rels)$/.test(entry.name);
  const maxBytes = sharedStrings ? limits.sharedStringsBytes : limits.unzippedBytes;
  let sinceTag = 0;
  const tooLarge = (what: string) => new FileRejectedError('FILE_TOO_LARGE', `XLSX 文件超出限制:${what} (file too large)`);
  const inspect = (chunk: Buffer): FileRejectedError | undefined => {
    stats.bytes += chunk.length;
    budget.bytes += chunk.length;
    if (stats.bytes > maxBytes) return tooLarge(`${entry.name} 解压后超过 ${maxBytes / 1024 / 1024} MB`);
    if (budget.bytes > limits.unzippedBytes) return tooLarge(`解压后超过 ${limits.unzippedBytes / 1024 / 1024} MB`);
    if (!xml) return undefined;
    for (let pos = 0; ; ) {
      const i = chunk.indexOf(0x3c, pos);
      sinceTag += (i < 0 ? chunk.length : i) - pos;
      if (i < 0 || sinceTag > limits.xmlTextBytes) break;
      sinceTag = 0;
      // `<c ` / `<c>` opens a cell, `<si>` a shared string (a tag split across chunks is missed: harmless)
      const a = chunk[i + 1];
      const b = chunk[i + 2];
      if (a === 0x63 && (b === 0x20 || b === 0x3e)) stats.cells++;
      else if (a === 0x73 && b === 0x69 && (chunk[i + 3] === 0x20 || chunk[i + 3] === 0x3e)) stats.strings++;
      pos = i + 1;
    }
    if (sinceTag > limits.xmlTextBytes) {
      return new FileRejectedError('CELL_TOO_LONG', `XLSX 中有单元格超过 ${limits.cellChars} 个字符 (a cell is longer than Excel allows)`);
    }
    if (stats.strings > limits.sharedStrings) return tooLarge(`共享字符串超过 ${limits.sharedStrings} 个`);
    if (stats.cells > limits.cells) return tooLarge(`单元格超过 ${limits.cells} 个`);
    return undefined;
  };
  const data = buffer.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) {
    const error = inspect(data);
    return error ? Promise.reject(error) : Promise.resolve(stats);
  }
  if (entry.method !== 8) return Promise.reject(unreadable(`compression method ${entry.method}`));
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    inflate.on('data', (chunk: Buffer) => {
      const error = inspect(chunk);
      if (error) {
        inflate.destroy();
        reject(error);
      }
    });
    inflate.on('error', () => reject(unreadable(`cannot unzip ${entry.name}`)));
    inflate.on('end', () => resolve(stats));
    inflate.end(data);
  });
}

/** Refuses an XLSX whose parts, unzipped, pass a limit; reads nothing into memory beyond a chunk. */
export async function assertXlsxWithinLimits(buffer: Buffer, limits: ImportLimits): Promise<void> {
  const budget = { bytes: 0 };
  for (const entry of zipEntries(buffer)) await scanEntry(buffer, entry, limits, budget);
}
