import { withCheckCharacter } from '@app/registry';

let counter = 0;

/** A valid, unique credit code registered in the given area. */
export function creditCode(area = '330211'): string {
  counter++;
  // 4 characters of the clock, then the counter in 5 fixed digits: unique within a test file up to 100,000 codes
  // (the counter once went through the letter mapping too, and S and 1 then gave the same code)
  const body = Date.now().toString(36).toUpperCase().replace(/[IOSVZ]/g, '1').slice(-4) + String(counter % 100000).padStart(5, '0');
  return withCheckCharacter(`91${area}${body}`);
}

export function enterprisePayload(overrides: Record<string, unknown> = {}) {
  return {
    creditCode: creditCode(),
    name: `宁波测试精工${counter}号机械有限公司`,
    districtCode: '330211',
    industryCode: '3411',
    aboveScale: true,
    landAreaMu: 50,
    ...overrides,
  };
}
