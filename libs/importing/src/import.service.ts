import { createHash } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { AuditService } from '@app/audit';
import { roleHas } from '@app/auth';
import { Actor, AppException, ErrorCode, restoreSafeText, Role } from '@app/core';

import { ImportReportDto } from './dto/import-report.dto';
import { detectFormat, readRows } from './file-rows';
import { clip, FileRejectedError, IMPORT_LIMITS, ImportLimits } from './import-limits';
import { BatchContext, IMPORT_KIND_LABELS, ImportHandler, ImportKind, PreparedRow, RawRow, RowError } from './import-kind';
import { ImportHandlers } from './import-handlers';

const BATCH = 1000;
/** Errors listed in a report; the count of rejected rows is always complete. */
const MAX_LISTED_ERRORS = 1000;

export interface ImportFile {
  buffer: Buffer;
  name?: string;
}

export interface ImportOptions {
  dryRun: boolean;
  /** Called after each batch with the rows processed so far */
  onProgress?: (rows: number) => void;
}

class Rejected extends Error {}

const normalizeHeader = (h: string) =>
  h.replace(/^\uFEFF/, '').replace(/[\s\u3000*]/g, '').replace(/（/g, '(').replace(/）/g, ')').toLowerCase();

/**
 * Checks a whole file with the API's rules, then (unless a dry run) writes it in one transaction:
 * a single bad row means nothing is written. Rows are parsed and written in batches, so memory
 * stays bounded by the batch, not the file.
 */
@Injectable()
export class ImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly handlers: ImportHandlers,
  ) {}

  /** Overridable in tests that need a limit small enough to reach */
  limits: ImportLimits = IMPORT_LIMITS;

  async run(actor: Actor, kind: ImportKind, file: ImportFile, options: ImportOptions): Promise<ImportReportDto> {
    const handler = this.handlers.get(kind);
    // An import writes what a route writes, so it needs that route's permission too (the CLI is SYSTEM).
    if (actor.role !== 'SYSTEM' && !roleHas(actor.role as Role, handler.permission)) {
      throw AppException.forbidden(
        ErrorCode.FORBIDDEN,
        `当前角色无权导入${IMPORT_KIND_LABELS[kind]} (role ${actor.role} lacks ${handler.permission}, which the ${kind} import needs)`,
      );
    }
    const fileSha256 = createHash('sha256').update(file.buffer).digest('hex');
    const report: ImportReportDto = { kind, fileSha256, dryRun: options.dryRun, counts: { created: 0, updated: 0, unchanged: 0, rejected: 0 }, errors: [] };
    const work = async (manager: EntityManager) => {
      await this.process(manager, actor, handler, file, options, report);
      if (report.counts.rejected > 0 || report.errors.length > 0) throw new Rejected();
      if (!options.dryRun) {
        await this.audit.record(manager, actor, {
          action: `import.${kind}`,
          entityType: 'import',
          after: { fileName: file.name ?? null, fileSha256, rows: totalRows(report), ...report.counts },
        });
      }
    };
    try {
      // A dry run also runs in a transaction, rolled back, so it reads one consistent snapshot.
      await this.dataSource.transaction(async (manager) => {
        await work(manager);
        if (options.dryRun) throw new Rejected();
      });
    } catch (error) {
      if (error instanceof FileRejectedError) throw fileRejection(error);
      if (!(error instanceof Rejected)) throw error;
    }
    if (!options.dryRun && report.errors.length > 0) throw rejection(report);
    return report;
  }

  private async process(manager: EntityManager, actor: Actor, handler: ImportHandler, file: ImportFile, options: ImportOptions, report: ImportReportDto) {
    (handler as { reset?: () => void }).reset?.();
    const rows = readRows(file.buffer, detectFormat(file.buffer, file.name), this.limits);
    const first = await rows.next().catch((error: Error) => {
      if (error instanceof FileRejectedError) throw error;
      throw AppException.field(ErrorCode.VALIDATION_FAILED, 'file', `文件无法读取,请上传 CSV 或 XLSX (cannot read the file: ${clip(error.message, 200)})`);
    });
    if (first.done) throw AppException.field(ErrorCode.VALIDATION_FAILED, 'file', '文件是空的 (the file is empty)');
    const { fields, errors } = this.mapHeader(handler, first.value.cells);
    if (errors.length) {
      report.errors.push(...errors);
      return;
    }
    const present = new Set(fields.filter((f): f is string => f !== null));
    const headerOf = (field: string) => {
      const i = fields.indexOf(field);
      return i >= 0 ? clip(first.value.cells[i].replace(/^\uFEFF/, '').trim()) : (handler.columns.find((c) => c.field === field)?.header ?? field);
    };
    const ctx: BatchContext = { manager, actor, present, headerOf };
    const seen = new Map<string, number>();
    let batch: RawRow[] = [];
    let processed = 0;
    // The write of one batch overlaps reading and checking the next: the file is parsed and the rows
    // validated while the database takes the previous batch. The transaction's one connection runs its
    // statements in the order they are sent, so the next batch's lookups still see this batch's writes.
    let writing: Promise<void> = Promise.resolve();
    const flush = async () => {
      const current = batch;
      batch = [];
      // A failed write aborts the transaction, and then this batch's lookups fail too: report the write's own error.
      const prepared = await handler.prepare(ctx, current).catch(async (error: unknown) => {
        await writing;
        throw error;
      });
      for (const row of prepared) this.markDuplicate(ctx, row, seen);
      this.count(report, prepared);
      await writing;
      if (!options.dryRun && report.counts.rejected === 0) {
        const pending = handler.write(ctx, prepared.filter((r) => r.action === 'create' || r.action === 'update'));
        pending.catch(() => undefined); // awaited below; this only keeps the rejection from going unhandled meanwhile
        writing = pending;
      }
      processed += current.length;
      options.onProgress?.(processed);
    };
    for await (const source of rows) {
      const values: Record<string, string> = {};
      fields.forEach((field, i) => {
        // An exported file comes back with the export's protective apostrophe (see cell-safety): remove it.
        if (field) values[field] = restoreSafeText((source.cells[i] ?? '').trim());
      });
      batch.push({ line: source.line, values });
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length) await flush();
    await writing;
  }

  private mapHeader(handler: ImportHandler, cells: string[]): { fields: (string | null)[]; errors: RowError[] } {
    const lookup = new Map<string, string>();
    for (const c of handler.columns) for (const name of [c.field, c.header, ...(c.aliases ?? [])]) lookup.set(normalizeHeader(name), c.field);
    const errors: RowError[] = [];
    const fields = cells.map((cell) => {
      const name = normalizeHeader(cell);
      if (!name) return null;
      const field = lookup.get(name);
      if (!field) {
        errors.push({ line: 1, column: clip(cell.trim()), code: 'UNKNOWN_COLUMN', message: `不认识的列“${clip(cell.trim())}”,请对照模板 (unknown column; see the template)` });
        return null;
      }
      return field;
    });
    for (const c of handler.columns.filter((c) => c.required && !c.newOnly)) {
      if (!fields.includes(c.field)) {
        errors.push({ line: 1, column: c.header, code: 'MISSING_COLUMN', message: `缺少必填列“${c.header}”(${c.field}) (required column missing)` });
      }
    }
    fields.forEach((f, i) => {
      if (f && fields.indexOf(f) !== i) errors.push({ line: 1, column: clip(cells[i].trim()), code: 'DUPLICATE_COLUMN', message: `列“${clip(cells[i].trim())}”重复 (column appears twice)` });
    });
    return { fields, errors };
  }

  private markDuplicate(ctx: BatchContext, row: PreparedRow, seen: Map<string, number>) {
    if (!row.key || row.errors.length) return;
    const earlier = seen.get(row.key);
    if (earlier === undefined) {
      seen.set(row.key, row.line);
      return;
    }
    row.errors.push({
      line: row.line,
      column: ctx.headerOf(row.keyColumn ?? 'creditCode'),
      code: 'DUPLICATE_IN_FILE',
      message: `与第 ${earlier} 行重复 (same record as line ${earlier})`,
    });
    row.action = undefined;
  }

  private count(report: ImportReportDto, rows: PreparedRow[]) {
    for (const row of rows) {
      if (row.errors.length) {
        report.counts.rejected++;
        const room = MAX_LISTED_ERRORS - report.errors.length;
        // Messages may quote a cell: keep the report small whatever the file holds.
        if (room > 0) report.errors.push(...row.errors.slice(0, room).map((e) => ({ ...e, column: clip(e.column), message: clip(e.message, 300) })));
      } else if (row.action === 'create') report.counts.created++;
      else if (row.action === 'update') report.counts.updated++;
      else report.counts.unchanged++;
    }
  }
}

/** A file refused as a whole: 413 when it is beyond a size limit, else 422 naming the line. */
function fileRejection(error: FileRejectedError): AppException {
  const fieldError = { field: 'file', code: error.code, message: error.message, ...(error.line ? { line: error.line } : {}) };
  if (error.code === 'FILE_TOO_LARGE' || error.code === 'PARSE_TIMEOUT') {
    return new AppException(413, ErrorCode.PAYLOAD_TOO_LARGE, `${error.message};未写入任何数据 (nothing was written)`, [fieldError]);
  }
  if (error.code === 'FILE_UNREADABLE') return AppException.badRequest(ErrorCode.VALIDATION_FAILED, `文件无法读取 (cannot read the file): ${error.message}`, [fieldError]);
  return new AppException(422, 'IMPORT_REJECTED', `${error.message};未写入任何数据 (nothing was written)`, [fieldError], error.line ? { line: error.line } : undefined);
}

const totalRows = (r: ImportReportDto) => r.counts.created + r.counts.updated + r.counts.unchanged + r.counts.rejected;

function rejection(report: ImportReportDto): AppException {
  const first = report.errors[0];
  const where = first.line > 1 ? `第 ${first.line} 行“${first.column}”` : `表头“${first.column}”`;
  return new AppException(
    422,
    'IMPORT_REJECTED',
    `文件有 ${Math.max(report.counts.rejected, 1)} 行不合格,未写入任何数据;首个问题:${where}:${first.message} (nothing was written: fix the rows listed and upload again)`,
    report.errors.map((e) => ({ field: e.column, ...e })),
    { kind: report.kind, fileSha256: report.fileSha256, dryRun: false, counts: report.counts },
  );
}
