import type * as ExcelJSModule from 'exceljs';

/** exceljs takes most of a second to load: the API loads it on its first spreadsheet, not at start. */
export function exceljs(): typeof ExcelJSModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('exceljs');
}
