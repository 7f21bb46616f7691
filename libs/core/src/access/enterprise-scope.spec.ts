import { Actor } from '../actor/actor';
import { AppException } from '../errors/app.exception';
import { assertCanReadEnterprise, assertDistrictInScope, canReadEnterprise, enterpriseScopeCondition } from './enterprise-scope';

const actor = (role: string, extra: Partial<Actor> = {}): Actor => ({ id: 'u1', username: 'u', role, districtCodes: [], enterpriseIds: [], ...extra });
const zhenhai = { id: 'e1', districtCode: '330211' };
const beilun = { id: 'e2', districtCode: '330206' };

describe('enterprise scope', () => {
  it('lets city-wide roles see every enterprise', () => {
    for (const role of ['ADMIN', 'BUREAU_STAFF', 'VIEWER', 'SYSTEM']) {
      expect(canReadEnterprise(actor(role), beilun)).toBe(true);
      expect(enterpriseScopeCondition('e', actor(role)).sql).toBe('TRUE');
    }
  });

  it('limits a district officer to their districts and a liaison to bound enterprises', () => {
    const officer = actor('DISTRICT_STAFF', { districtCodes: ['330211'] });
    expect(canReadEnterprise(officer, zhenhai)).toBe(true);
    expect(canReadEnterprise(officer, beilun)).toBe(false);
    expect(enterpriseScopeCondition('e', officer)).toEqual({ sql: 'e.district_code = ANY(:scope_e)', params: { scope_e: ['330211'] } });
    const liaison = actor('LIAISON', { enterpriseIds: ['e2'] });
    expect(canReadEnterprise(liaison, zhenhai)).toBe(false);
    expect(canReadEnterprise(liaison, beilun)).toBe(true);
  });

  it('denies an unknown role everything', () => {
    expect(canReadEnterprise(actor('INTERN'), zhenhai)).toBe(false);
    expect(enterpriseScopeCondition('e', actor('INTERN')).sql).toBe('FALSE');
  });

  it('answers out-of-scope reads as not found and foreign districts as 403 naming the field', () => {
    const officer = actor('DISTRICT_STAFF', { districtCodes: ['330211'] });
    expect(() => assertCanReadEnterprise(officer, beilun)).toThrow(expect.objectContaining({ status: 404, code: 'ENTERPRISE_NOT_FOUND' }));
    try {
      assertDistrictInScope(officer, '330206');
      throw new Error('not thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(AppException);
      expect(e).toMatchObject({ status: 403, code: 'OUT_OF_SCOPE', errors: [{ field: 'districtCode' }] });
    }
    expect(() => assertDistrictInScope(actor('BUREAU_STAFF'), '330206')).not.toThrow();
  });
});
