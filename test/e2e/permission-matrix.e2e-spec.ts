import { Permission, ROLE_PERMISSIONS } from '../../libs/auth/src/permission';
import { Role } from '../../libs/auth/src/role';
import { createTestApp, TestApp } from '../setup/test-app';

const P = Permission;
type Rule = Permission | 'PUBLIC';

/**
 * The permission every operation of the OpenAPI document needs, one line per route. A route
 * missing here fails this test, so nobody adds a route without deciding who may call it.
 * Adding a route: add `'METHOD /api/v1/path/{param}': Permission.X,` (or 'PUBLIC').
 */
const RULES: Record<string, Rule> = {
  'GET /health': 'PUBLIC',
  'GET /health/ready': 'PUBLIC',
  'POST /api/v1/auth/login': 'PUBLIC',
  'GET /api/v1/auth/me': P.SELF_READ,
  'POST /api/v1/auth/password': P.SELF_WRITE,
  'GET /api/v1/users': P.USER_MANAGE,
  'POST /api/v1/users': P.USER_MANAGE,
  'PATCH /api/v1/users/{id}': P.USER_MANAGE,
  'POST /api/v1/users/{id}/reset-password': P.USER_MANAGE,
  'GET /api/v1/dictionaries': P.REFERENCE_READ,
  'GET /api/v1/saved-views': P.SELF_READ,
  'GET /api/v1/workbench': P.WORKBENCH_READ,
  'POST /api/v1/saved-views': P.SELF_WRITE,
  'PATCH /api/v1/saved-views/{id}': P.SELF_WRITE,
  'DELETE /api/v1/saved-views/{id}': P.SELF_WRITE,
  'GET /api/v1/districts': P.REFERENCE_READ,
  'GET /api/v1/industries': P.REFERENCE_READ,
  'GET /api/v1/chains': P.REFERENCE_READ,
  'GET /api/v1/enterprises': P.ENTERPRISE_READ,
  'POST /api/v1/enterprises': P.ENTERPRISE_WRITE,
  'GET /api/v1/enterprises/by-credit-code/{code}': P.ENTERPRISE_READ,
  'GET /api/v1/enterprises/{id}': P.ENTERPRISE_READ,
  'PATCH /api/v1/enterprises/{id}': P.ENTERPRISE_WRITE,
  'DELETE /api/v1/enterprises/{id}': P.ENTERPRISE_WRITE,
  'GET /api/v1/enterprises/{id}/figures': P.ENTERPRISE_READ,
  'GET /api/v1/enterprises/{id}/figures/{year}': P.ENTERPRISE_READ,
  'PUT /api/v1/enterprises/{id}/figures/{year}': P.FIGURES_WRITE,
  'GET /api/v1/enterprises/{id}/history': P.AUDIT_READ,
  'POST /api/v1/enterprises/{id}/change-requests': P.CHANGE_REQUEST_SUBMIT,
  'GET /api/v1/change-requests': P.CHANGE_REQUEST_READ,
  'GET /api/v1/change-requests/{id}': P.CHANGE_REQUEST_READ,
  'POST /api/v1/change-requests/{id}/approve': P.CHANGE_REQUEST_REVIEW,
  'POST /api/v1/change-requests/{id}/reject': P.CHANGE_REQUEST_REVIEW,
  'GET /api/v1/audit': P.AUDIT_READ,
  'POST /api/v1/designations': P.DESIGNATION_WRITE,
  'GET /api/v1/designations': P.ENTERPRISE_READ,
  'GET /api/v1/designations/{id}': P.ENTERPRISE_READ,
  'POST /api/v1/designations/{id}/transitions': P.DESIGNATION_WRITE,
  'GET /api/v1/enterprises/{id}/designations': P.ENTERPRISE_READ,
  'GET /api/v1/enterprises/{id}/scale-tiers': P.ENTERPRISE_READ,
  'GET /api/v1/scale-tiers': P.ENTERPRISE_READ,
  'POST /api/v1/chains': P.CHAIN_WRITE,
  'GET /api/v1/chains/{id}': P.REFERENCE_READ,
  'PATCH /api/v1/chains/{id}': P.CHAIN_WRITE,
  'GET /api/v1/chains/{id}/summary': P.ENTERPRISE_READ,
  'GET /api/v1/chains/{id}/segments': P.REFERENCE_READ,
  'POST /api/v1/chains/{id}/segments': P.CHAIN_WRITE,
  'PATCH /api/v1/chains/{id}/segments/{segmentId}': P.CHAIN_WRITE,
  'DELETE /api/v1/chains/{id}/segments/{segmentId}': P.CHAIN_WRITE,
  'GET /api/v1/chains/{id}/members': P.ENTERPRISE_READ,
  'POST /api/v1/chains/{id}/members': P.CHAIN_MEMBER_WRITE,
  'DELETE /api/v1/chains/{id}/members/{memberId}': P.CHAIN_MEMBER_WRITE,
  'POST /api/v1/communities': P.COMMUNITY_WRITE,
  'GET /api/v1/communities': P.ENTERPRISE_READ,
  'GET /api/v1/communities/{id}': P.ENTERPRISE_READ,
  'PATCH /api/v1/communities/{id}': P.COMMUNITY_WRITE,
  'GET /api/v1/communities/{id}/members': P.ENTERPRISE_READ,
  'POST /api/v1/communities/{id}/members': P.COMMUNITY_WRITE,
  'POST /api/v1/communities/{id}/members/{memberId}/leave': P.COMMUNITY_WRITE,
  'GET /api/v1/quota-plans': P.QUOTA_READ,
  'POST /api/v1/quota-plans': P.QUOTA_WRITE,
  'GET /api/v1/quota-plans/{year}': P.QUOTA_READ,
  'POST /api/v1/quota-plans/{year}/lines': P.QUOTA_WRITE,
  'PATCH /api/v1/quota-plans/{year}/lines/{code}': P.QUOTA_WRITE,
  'GET /api/v1/quota-plans/{year}/lines/{code}/reports': P.QUOTA_READ,
  'POST /api/v1/quota-plans/{year}/lines/{code}/reports': P.QUOTA_WRITE,
  'GET /api/v1/quota-plans/{year}/progress': P.QUOTA_READ,
  'GET /api/v1/quota-plans/{year}/progress/lines/{code}/enterprises': P.QUOTA_READ,
  'POST /api/v1/quota-plans/{year}/quarters/{q}/snapshot': P.REPORT_FREEZE,
  'GET /api/v1/quota-plans/{year}/quarters/{q}/compare': P.QUOTA_READ,
  'GET /api/v1/reports/quarterly/{year}/{q}': P.REPORT_READ,
  'GET /api/v1/imports/templates/{kind}': P.IMPORT,
  'POST /api/v1/imports/{kind}': P.IMPORT,
  'GET /api/v1/exports/enterprises': P.EXPORT,
  'GET /api/v1/exports/designations': P.EXPORT,
};

/** Values for path parameters; a random-looking but well-formed value reaches the service. */
const PARAM_VALUES: Record<string, string> = {
  id: '0b7f8a3e-5c1d-4e2f-9a6b-7c8d9e0f1a2b',
  year: '2022',
  code: '91330100799655058B',
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

describe('permission matrix over every OpenAPI operation', () => {
  let t: TestApp;
  let operations: { method: string; path: string; key: string }[];

  beforeAll(async () => {
    t = await createTestApp();
    const doc = await t.http.get('/docs-json').expect(200);
    operations = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((method) => ({ method, path, key: `${method.toUpperCase()} ${path}` })),
    );
  });
  afterAll(() => t.close());

  it('has a rule for every operation in the OpenAPI document, and no stale rule', () => {
    const keys = operations.map((o) => o.key);
    expect(keys.filter((k) => !(k in RULES))).toEqual([]);
    expect(Object.keys(RULES).filter((k) => !keys.includes(k))).toEqual([]);
  });

  it('answers every operation for anonymous callers and every role as the table says', async () => {
    const headers: Record<string, Record<string, string>> = { ANONYMOUS: {} };
    for (const role of Object.values(Role)) {
      headers[role] = await t.as(role, role === Role.DISTRICT_STAFF ? { districtCodes: ['330211'] } : {});
    }
    const mismatches: string[] = [];
    for (const op of operations) {
      const rule = RULES[op.key];
      if (!rule) continue;
      const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => PARAM_VALUES[name] ?? 'x');
      for (const [who, auth] of Object.entries(headers)) {
        let req = t.http[op.method as (typeof METHODS)[number]](url).set(auth);
        if (op.method !== 'get' && op.method !== 'delete') req = req.send({});
        const { status } = await req;
        const allowed = rule === 'PUBLIC' || (who !== 'ANONYMOUS' && ROLE_PERMISSIONS[who as Role].includes(rule));
        const expected = rule === 'PUBLIC' || allowed ? 'not 401/403' : who === 'ANONYMOUS' ? '401' : '403';
        const ok =
          status < 500 &&
          (expected === 'not 401/403' ? status !== 401 && status !== 403 : status === Number(expected));
        if (!ok) mismatches.push(`${op.key} as ${who}: got ${status}, expected ${expected}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  // Written out here rather than read from ROLE_PERMISSIONS: the admin reads every GET route, and
  // among writes changes only their own password and saved views, users and reference data (chains and segments).
  it('lets the admin read everything and write no domain data', async () => {
    const admin = await t.as(Role.ADMIN);
    const ADMIN_WRITES = new Set([
      'POST /api/v1/auth/login', 'POST /api/v1/auth/password', 'POST /api/v1/saved-views', 'PATCH /api/v1/saved-views/{id}', 'DELETE /api/v1/saved-views/{id}', 'POST /api/v1/users', 'PATCH /api/v1/users/{id}', 'POST /api/v1/users/{id}/reset-password',
      'POST /api/v1/chains', 'PATCH /api/v1/chains/{id}', 'POST /api/v1/chains/{id}/segments', 'PATCH /api/v1/chains/{id}/segments/{segmentId}',
      'DELETE /api/v1/chains/{id}/segments/{segmentId}',
    ]);
    // Import templates are a GET, but belong to the import workflow, which is staff's.
    const NOT_READS = new Set(['GET /api/v1/imports/templates/{kind}']);
    const wrong: string[] = [];
    for (const op of operations) {
      const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => PARAM_VALUES[name] ?? 'x');
      const { status } = await t.http[op.method as (typeof METHODS)[number]](url).set(admin).send(op.method === 'get' || op.method === 'delete' ? undefined : {});
      const allowed = (op.method === 'get' && !NOT_READS.has(op.key)) || ADMIN_WRITES.has(op.key);
      if (allowed ? status === 401 || status === 403 : status !== 403) wrong.push(`${op.key}: got ${status}, expected ${allowed ? 'allowed' : '403'}`);
    }
    expect(wrong).toEqual([]);
  });
});
