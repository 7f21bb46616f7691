import { withCheckCharacter } from '@app/registry';

let counter = 0;

/** A valid, unique credit code registered in the given area. */
export function creditCode(area = '330211'): string {
  counter++;
  const body = (Date.now().toString(36).toUpperCase() + counter.toString(36).toUpperCase()).replace(/[IOSVZ]/g, '1').padStart(9, '0').slice(-9);
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
