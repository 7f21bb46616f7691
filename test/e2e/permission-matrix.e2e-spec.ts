import { Role } from '@app/core';

import { createTestApp, TestApp } from '../setup/test-app';

const A = 'ADMIN';
const B = 'BUREAU_STAFF';
const D = 'DISTRICT_STAFF';
const L = 'LIAISON';
const V = 'VIEWER';
const ROLES = [A, B, D, L, V] as const;
const EVERYONE = ROLES;
type Who = 'PUBLIC' | readonly (typeof ROLES)[number][];

/**
 * Who gets through each operation of the OpenAPI document, one line per route, written from the
 * README's roles (admin: users, reference data, audit, and reads everything; bureau staff: everything in the city;
 * district staff: the same in their districts, no plan or reference edits; liaison: read and
 * change requests; viewer: read, quota progress, reports, exports) — not from the guard's table,
 * so a wrong grant in `libs/auth/src/permission.ts` fails here. A route missing here fails too.
 * Adding a route: add `'METHOD /api/v1/path/{param}': [B, D],` (or 'PUBLIC').
 */
const RULES: Record<string, Who> = {
  'GET /health': 'PUBLIC',
  'GET /health/ready': 'PUBLIC',
  'POST /api/v1/auth/login': 'PUBLIC',
  'GET /api/v1/auth/me': EVERYONE,
  'POST /api/v1/auth/password': EVERYONE,
  'GET /api/v1/dictionaries': EVERYONE,
  'GET /api/v1/saved-views': EVERYONE,
  'POST /api/v1/saved-views': EVERYONE,
  'PATCH /api/v1/saved-views/{id}': EVERYONE,
  'DELETE /api/v1/saved-views/{id}': EVERYONE,
  'GET /api/v1/workbench': [A, B, D],
  'GET /api/v1/users': [A],
  'POST /api/v1/users': [A],
  'PATCH /api/v1/users/{id}': [A],
  'POST /api/v1/users/{id}/reset-password': [A],
  'GET /api/v1/districts': EVERYONE,
  'GET /api/v1/industries': EVERYONE,
  'GET /api/v1/chains': EVERYONE,
  'GET /api/v1/enterprises': EVERYONE,
  'POST /api/v1/enterprises': [B, D],
  'GET /api/v1/enterprises/by-credit-code/{code}': EVERYONE,
  'GET /api/v1/enterprises/{id}': EVERYONE,
  'PATCH /api/v1/enterprises/{id}': [B, D],
  'DELETE /api/v1/enterprises/{id}': [B, D],
  'GET /api/v1/enterprises/{id}/figures': EVERYONE,
  'GET /api/v1/enterprises/{id}/figures/{year}': EVERYONE,
  'PUT /api/v1/enterprises/{id}/figures/{year}': [B, D],
  'GET /api/v1/enterprises/{id}/history': [A, B, D],
  'POST /api/v1/enterprises/{id}/change-requests': [L],
  'GET /api/v1/change-requests': [A, B, D, L],
  'GET /api/v1/change-requests/field-rules': [A, B, D, L],
  'GET /api/v1/change-requests/{id}': [A, B, D, L],
  'POST /api/v1/change-requests/{id}/approve': [B, D],
  'POST /api/v1/change-requests/{id}/reject': [B, D],
  'GET /api/v1/audit': [A, B, D],
  'POST /api/v1/designations': [B, D],
  'GET /api/v1/designations': EVERYONE,
  'GET /api/v1/designations/{id}': EVERYONE,
  'POST /api/v1/designations/{id}/transitions': [B, D],
  'GET /api/v1/enterprises/{id}/designations': EVERYONE,
  'GET /api/v1/enterprises/{id}/chain-memberships': EVERYONE,
  'GET /api/v1/enterprises/{id}/communities': EVERYONE,
  'GET /api/v1/enterprises/{id}/scale-tiers': EVERYONE,
  'GET /api/v1/scale-tiers': EVERYONE,
  'POST /api/v1/chains': [A, B],
  'GET /api/v1/chains/{id}': EVERYONE,
  'PATCH /api/v1/chains/{id}': [A, B],
  'GET /api/v1/chains/{id}/summary': EVERYONE,
  'GET /api/v1/chains/{id}/segments': EVERYONE,
  'POST /api/v1/chains/{id}/segments': [A, B],
  'PATCH /api/v1/chains/{id}/segments/{segmentId}': [A, B],
  'DELETE /api/v1/chains/{id}/segments/{segmentId}': [A, B],
  'GET /api/v1/chains/{id}/members': EVERYONE,
  // Chain members are domain data: bureau staff only (the admin edits chains and segments; district staff read).
  'POST /api/v1/chains/{id}/members': [B],
  'DELETE /api/v1/chains/{id}/members/{memberId}': [B],
  'POST /api/v1/communities': [B, D],
  'GET /api/v1/communities': EVERYONE,
  'GET /api/v1/communities/{id}': EVERYONE,
  'PATCH /api/v1/communities/{id}': [B, D],
  'GET /api/v1/communities/{id}/members': EVERYONE,
  'POST /api/v1/communities/{id}/members': [B, D],
  'POST /api/v1/communities/{id}/members/{memberId}/leave': [B, D],
  'GET /api/v1/quota-plans': [A, B, D, V],
  'POST /api/v1/quota-plans': [B],
  'GET /api/v1/quota-plans/{year}': [A, B, D, V],
  'POST /api/v1/quota-plans/{year}/copy': [B],
  'POST /api/v1/quota-plans/{year}/lines': [B],
  'PATCH /api/v1/quota-plans/{year}/lines/{code}': [B],
  'GET /api/v1/quota-plans/{year}/lines/{code}/reports': [A, B, D, V],
  'POST /api/v1/quota-plans/{year}/lines/{code}/reports': [B],
  'GET /api/v1/quota-plans/{year}/progress': [A, B, D, V],
  'GET /api/v1/quota-plans/{year}/progress/lines/{code}/enterprises': [A, B, D, V],
  'GET /api/v1/quota-plans/{year}/quarters': [A, B, D, V],
  'POST /api/v1/quota-plans/{year}/quarters/{q}/snapshot': [B],
  'GET /api/v1/quota-plans/{year}/quarters/{q}/compare': [A, B, D, V],
  'GET /api/v1/reports/quarterly/{year}/{q}': [A, B, D, V],
  'GET /api/v1/imports/templates/{kind}': [B, D],
  'POST /api/v1/imports/{kind}': [B, D],
  'GET /api/v1/notifications': EVERYONE,
  'GET /api/v1/notifications/unread-count': EVERYONE,
  'POST /api/v1/notifications/read-all': EVERYONE,
  'POST /api/v1/notifications/{id}/read': EVERYONE,
  'GET /api/v1/exports/enterprises': [A, B, D, V],
  'GET /api/v1/exports/designations': [A, B, D, V],
  // 亩均 evaluation: staff run it; district staff read and decide objections in their districts; a liaison reads and answers the own firm's sheet.
  'GET /api/v1/evaluation-schemes/{year}': [A, B, D, V],
  'PUT /api/v1/evaluation-schemes/{year}': [B],
  'POST /api/v1/evaluations/{year}/run': [B],
  'GET /api/v1/evaluations': EVERYONE,
  'GET /api/v1/evaluations/{year}': [A, B, D, V],
  'GET /api/v1/evaluations/{year}/results': [A, B, D, V],
  'GET /api/v1/evaluations/{year}/results/export': [A, B, D, V],
  'GET /api/v1/evaluations/{year}/enterprises/{id}': EVERYONE,
  'GET /api/v1/evaluations/{year}/enterprises/{id}/pdf': EVERYONE,
  'POST /api/v1/evaluations/{year}/enterprises/{id}/responses': [L],
  'POST /api/v1/evaluations/{year}/publicity': [B],
  'POST /api/v1/evaluations/{year}/freeze': [B],
  'POST /api/v1/evaluation-objections/{id}/decision': [B, D],
  // The recognition catalogue is reference data (admin and bureau staff edit it); carriers are recognised like firms, by staff in scope.
  'GET /api/v1/recognition-types': EVERYONE,
  'GET /api/v1/recognition-types/{code}': EVERYONE,
  'POST /api/v1/recognition-types': [A, B],
  'PATCH /api/v1/recognition-types/{code}': [A, B],
  'GET /api/v1/carriers': EVERYONE,
  'GET /api/v1/carriers/{id}': EVERYONE,
  'POST /api/v1/carriers': [B, D],
  'PATCH /api/v1/carriers/{id}': [B, D],
  // Investment projects: everyone with a scope reads; staff write and review; a liaison also reports progress.
  'GET /api/v1/projects/programmes': EVERYONE,
  'GET /api/v1/projects': EVERYONE,
  'GET /api/v1/projects/export': [A, B, D, V],
  'GET /api/v1/projects/{id}': EVERYONE,
  'POST /api/v1/projects': [B, D],
  'PATCH /api/v1/projects/{id}': [B, D],
  'POST /api/v1/projects/{id}/stage-transitions': [B, D],
  'POST /api/v1/projects/{id}/progress': [B, D, L],
  'POST /api/v1/projects/{id}/progress/{progressId}/approve': [B, D],
  'POST /api/v1/projects/{id}/progress/{progressId}/reject': [B, D],
  // Remediation: staff work their scope's cases; liaisons read their own firm's cases; exports as other exports.
  'GET /api/v1/remediation/cases': EVERYONE,
  'POST /api/v1/remediation/cases': [B, D],
  'GET /api/v1/remediation/cases/export': [A, B, D, V],
  'POST /api/v1/remediation/cases/bulk': [B, D],
  'POST /api/v1/remediation/cases/from-evaluation': [B, D],
  'GET /api/v1/remediation/cases/from-evaluation/preview': [B, D],
  'GET /api/v1/remediation/cases/{id}': EVERYONE,
  'PATCH /api/v1/remediation/cases/{id}': [B, D],
  'POST /api/v1/remediation/cases/{id}/transitions': [B, D],
  'GET /api/v1/remediation/blocks': EVERYONE,
  'POST /api/v1/remediation/blocks': [B, D],
  'GET /api/v1/remediation/blocks/{id}': EVERYONE,
  'PATCH /api/v1/remediation/blocks/{id}': [B, D],
  'DELETE /api/v1/remediation/blocks/{id}': [B, D],
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

  it('knows every role there is', () => {
    expect([...Object.values(Role)].sort()).toEqual([...ROLES].sort());
  });

  it('answers every operation for anonymous callers and every role as the table says', async () => {
    const headers: Record<string, Record<string, string>> = { ANONYMOUS: {} };
    for (const role of ROLES) headers[role] = await t.as(role, role === D ? { districtCodes: ['330211'] } : {});
    const mismatches: string[] = [];
    for (const op of operations) {
      const rule = RULES[op.key];
      if (!rule) continue;
      const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => PARAM_VALUES[name] ?? 'x');
      for (const [who, auth] of Object.entries(headers)) {
        let req = t.http[op.method as (typeof METHODS)[number]](url).set(auth);
        if (op.method !== 'get' && op.method !== 'delete') req = req.send({});
        const { status } = await req;
        const allowed = rule === 'PUBLIC' || (rule as readonly string[]).includes(who);
        const expected = allowed ? 'not 401/403' : who === 'ANONYMOUS' ? '401' : '403';
        const ok =
          status < 500 &&
          (expected === 'not 401/403' ? status !== 401 && status !== 403 : status === Number(expected));
        if (!ok) mismatches.push(`${op.key} as ${who}: got ${status}, expected ${expected}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  // Written out here rather than read from ROLE_PERMISSIONS: the admin reads every GET route, and
  // among writes changes only their own password and inbox, users and reference data (chains, segments, recognition types).
  it('lets the admin read everything and write no domain data', async () => {
    const admin = await t.as(Role.ADMIN);
    const ADMIN_WRITES = new Set([
      'POST /api/v1/auth/login', 'POST /api/v1/auth/password', 'POST /api/v1/saved-views', 'PATCH /api/v1/saved-views/{id}', 'DELETE /api/v1/saved-views/{id}', 'POST /api/v1/users', 'PATCH /api/v1/users/{id}', 'POST /api/v1/users/{id}/reset-password',
      'POST /api/v1/chains', 'PATCH /api/v1/chains/{id}', 'POST /api/v1/chains/{id}/segments', 'PATCH /api/v1/chains/{id}/segments/{segmentId}',
      'DELETE /api/v1/chains/{id}/segments/{segmentId}',
      'POST /api/v1/recognition-types', 'PATCH /api/v1/recognition-types/{code}',
      // Their own inbox: marking messages read
      'POST /api/v1/notifications/read-all', 'POST /api/v1/notifications/{id}/read',
    ]);
    // Import templates are a GET, but belong to the import workflow, which is staff's; so does the count shown
    // before opening D-class cases in bulk (it needs REMEDIATION_WRITE, like the opening itself).
    const NOT_READS = new Set(['GET /api/v1/imports/templates/{kind}', 'GET /api/v1/remediation/cases/from-evaluation/preview']);
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
