import { checkProjectCode } from './project-code';

describe('checkProjectCode', () => {
  const cases: [string, string | null, RegExp | null][] = [
    ['2022-330211-34-03-00001X', '2022-330211-34-03-00001X', null],
    ['20223302113403000015', '2022-330211-34-03-000015', null],
    [' ２０２２－330211－34－03－000015 ', '2022-330211-34-03-000015', null],
    ['2022-330211-34-03-00001', null, /24位/],
    ['2022-3302113-4-03-000015', null, /格式/],
    ['2O22-330211-34-03-000015', null, /年份.*O/],
    ['2022-330211-3A-03-000015', null, /部门代码/],
    ['2022-330211-34-03-0A0015', null, /序号/],
    ['1999-330211-34-03-000015', null, /年份 1999/],
    ['2027-330211-34-03-000015', null, /年份 2027/],
    ['2022-990211-34-03-000015', null, /省级代码 99/],
    ['2022-330011-34-03-000015', null, /地市位/],
  ];
  it.each(cases)('%s', (raw, code, error) => {
    const result = checkProjectCode(raw, 2026);
    expect(result.code ?? null).toBe(code);
    if (error) expect(result.error).toMatch(error);
    else expect(result.error).toBeUndefined();
  });
});
