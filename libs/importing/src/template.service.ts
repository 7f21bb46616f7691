import { PassThrough } from 'node:stream';

import { Injectable } from '@nestjs/common';

import { exceljs } from '@app/core';

import { ExportFormat } from './export/tabular-writer';
import { ImportHandlers } from './import-handlers';
import { IMPORT_KIND_LABELS, ImportKind } from './import-kind';

/** Empty files with the Chinese headers staff fill in; the XLSX adds a sheet explaining each column. */
@Injectable()
export class TemplateService {
  constructor(private readonly handlers: ImportHandlers) {}

  async template(kind: ImportKind, format: ExportFormat): Promise<{ fileName: string; contentType: string; body: Buffer }> {
    const columns = this.handlers.get(kind).columns;
    const base = `${IMPORT_KIND_LABELS[kind]}导入模板`;
    if (format === 'csv') {
      const body = Buffer.from('\uFEFF' + columns.map((c) => c.header).join(',') + '\r\n', 'utf8');
      return { fileName: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body };
    }
    const workbook = new (exceljs().Workbook)();
    const sheet = workbook.addWorksheet(IMPORT_KIND_LABELS[kind]);
    sheet.addRow(columns.map((c) => c.header)).font = { bold: true };
    sheet.columns.forEach((column) => (column.width = 20));
    const notes = workbook.addWorksheet('填写说明');
    notes.addRow(['列名', '英文字段名 (English header)', '必填', '示例']).font = { bold: true };
    for (const c of columns) notes.addRow([c.header, c.field, c.required ? '是' : '', c.example]);
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    await workbook.xlsx.write(out);
    return {
      fileName: `${base}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: Buffer.concat(chunks),
    };
  }
}
