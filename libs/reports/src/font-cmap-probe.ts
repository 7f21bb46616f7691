import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Reads a font's character map (the OpenType `cmap` table, formats 4 and 12) without fontkit, to say
 * at start-up whether the report font holds given characters: fontkit and its dependencies cost
 * ~0.2 s of CPU to load, which the start-up check should not pay; the PDF renderer still opens the
 * font through fontkit (as pdfkit does) on the first report. Only the headers and the `cmap` table are
 * read (tens of KB), not the whole file (8 MB for each bundled face). Returns, for each face of a .ttc
 * (one for .ttf/.otf), whether every code point has a glyph; throws on a file that is not a font.
 */
export function facesHoldingCodePoints(path: string, codePoints: number[]): boolean[] {
  const fd = openSync(path, 'r');
  try {
    const head = readAt(fd, 0, 12);
    const tag = head.toString('latin1', 0, 4);
    const offsets: number[] = [];
    if (tag === 'ttcf') {
      const count = head.readUInt32BE(8);
      const table = readAt(fd, 12, count * 4);
      for (let i = 0; i < count; i++) offsets.push(table.readUInt32BE(i * 4));
    } else if (tag === 'OTTO' || tag === 'true' || head.readUInt32BE(0) === 0x00010000) {
      offsets.push(0);
    } else {
      throw new Error('not an OpenType/TrueType font');
    }
    if (!offsets.length) throw new Error('empty font collection');
    return offsets.map((offset) => {
      const cmap = readTable(fd, offset, 'cmap');
      return codePoints.every((c) => hasGlyph(cmap, 0, c));
    });
  } finally {
    closeSync(fd);
  }
}

/** `length` bytes at `position`; a file that ends before them is not a font. */
function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const n = readSync(fd, buffer, read, length - read, position + read);
    if (n === 0) throw new Error('file ends inside the font tables');
    read += n;
  }
  return buffer;
}

/** One table of the face whose table directory starts at `offset`, by its tag. */
function readTable(fd: number, offset: number, wanted: string): Buffer {
  const tables = readAt(fd, offset, 12).readUInt16BE(4);
  const directory = readAt(fd, offset + 12, tables * 16);
  for (let i = 0; i < tables; i++) {
    const record = i * 16;
    if (directory.toString('latin1', record, record + 4) === wanted) return readAt(fd, directory.readUInt32BE(record + 8), directory.readUInt32BE(record + 12));
  }
  throw new Error(`no ${wanted} table`);
}

/** True when some Unicode subtable (platform 0, or Windows 3/1 and 3/10) maps the code point to a glyph. */
function hasGlyph(font: Buffer, cmap: number, codePoint: number): boolean {
  const subtables = font.readUInt16BE(cmap + 2);
  for (let i = 0; i < subtables; i++) {
    const platform = font.readUInt16BE(cmap + 4 + i * 8);
    const encoding = font.readUInt16BE(cmap + 6 + i * 8);
    if (!(platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))) continue;
    const sub = cmap + font.readUInt32BE(cmap + 8 + i * 8);
    const format = font.readUInt16BE(sub);
    if (format === 4 && codePoint <= 0xffff && format4Glyph(font, sub, codePoint) !== 0) return true;
    if (format === 12 && format12Glyph(font, sub, codePoint) !== 0) return true;
  }
  return false;
}

function format4Glyph(font: Buffer, sub: number, c: number): number {
  const segments = font.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    if (font.readUInt16BE(ends + s * 2) < c) continue;
    const start = font.readUInt16BE(starts + s * 2);
    if (start > c) return 0;
    const delta = font.readUInt16BE(deltas + s * 2);
    const rangeOffset = font.readUInt16BE(rangeOffsets + s * 2);
    if (rangeOffset === 0) return (c + delta) & 0xffff;
    const glyph = font.readUInt16BE(rangeOffsets + s * 2 + rangeOffset + (c - start) * 2);
    return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
  }
  return 0;
}

function format12Glyph(font: Buffer, sub: number, c: number): number {
  const groups = font.readUInt32BE(sub + 12);
  for (let g = 0; g < groups; g++) {
    const group = sub + 16 + g * 12;
    const start = font.readUInt32BE(group);
    if (c >= start && c <= font.readUInt32BE(group + 4)) return font.readUInt32BE(group + 8) + (c - start);
  }
  return 0;
}
