import { DESIGNATION_TYPE_LABELS } from '@app/core';

import { toBoolean, toDate, toEnum, toNumber } from './row-validation';

describe('cell conversions', () => {
  it('reads dates as clerks and Excel write them', () => {
    expect(toDate('2023/5/8')).toBe('2023-05-08');
    expect(toDate('2023.05.08')).toBe('2023-05-08');
    expect(toDate('2023年5月8日')).toBe('2023-05-08');
    expect(toDate('May 8')).toBe('May 8');
  });

  it('accepts an enum value or its Chinese label, with or without curly quotes', () => {
    expect(toEnum('链核', DESIGNATION_TYPE_LABELS)).toBe('CHAIN_CORE');
    expect(toEnum('little_giant', DESIGNATION_TYPE_LABELS)).toBe('LITTLE_GIANT');
    expect(toEnum('专精特新"小巨人"', DESIGNATION_TYPE_LABELS)).toBe('LITTLE_GIANT');
    expect(toEnum('链王', DESIGNATION_TYPE_LABELS)).toBe('链王');
  });

  it('reads yes/no and numbers with thousands separators, leaving anything else for validation to name', () => {
    expect([toBoolean('是'), toBoolean('否'), toBoolean('TRUE'), toBoolean('maybe')]).toEqual([true, false, true, 'maybe']);
    expect(toNumber('1,200,000.50')).toBe(1200000.5);
    expect(toNumber('12万')).toBe('12万');
  });
});
