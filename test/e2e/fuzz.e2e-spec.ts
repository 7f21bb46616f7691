import fc from 'fast-check';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';

import { AppModule } from '../../apps/api/src/app.module';
import { enterprisePayload } from '../setup/fixtures';
import { FieldShape, handlerArguments, shapeOf } from '../setup/fuzz/dto-shape';
import { curl, FuzzOperation, FuzzRequest, PathValues, requestArbitrary } from '../setup/fuzz/request-generator';
import { createTestApp, TestApp } from '../setup/test-app';

/** Change it to explore other requests; a failure prints the seed of its run and a curl to replay. */
const SEED = Number(process.env.FUZZ_SEED ?? 20221031);
const MIN_REQUESTS = 3000;
const ROLES = ['ANONYMOUS', 'ADMIN', 'BUREAU_STAFF', 'DISTRICT_STAFF', 'LIAISON', 'VIEWER'] as const;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
/** Operations fuzzed side by side (each lane sends its requests one after the other) */
const LANES = 4;

interface OpenApiOperation {
  operationId?: string;
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, unknown> };
}

/**
 * Every operation of the OpenAPI document the app serves at /docs-json, as every role and
 * anonymously, with generated requests — wrong types, nulls, huge and deep bodies, NUL, unpaired
 * surrogates, bad dates, bad paging, bad content types. Whatever is sent, the answer is never 5xx.
 */
describe('fuzzing every operation of the OpenAPI document', () => {
  let t: TestApp;
  const headers: Record<string, Record<string, string>> = {};
  let pathValues: PathValues;
  let enterpriseId: string;
  let http: TestAgent;

  beforeAll(async () => {
    t = await createTestApp();
    // One listening socket for the run instead of one per request (supertest's default)
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    http = request(`http://127.0.0.1:${(server.address() as { port: number }).port}`);
    const staff = await t.as('BUREAU_STAFF');
    const enterprise = (await t.http.post('/api/v1/enterprises').set(staff).send(enterprisePayload({ districtCode: '330211' })).expect(201)).body;
    enterpriseId = enterprise.id;
    const [chain] = await t.sql<{ id: string }>('SELECT id FROM chain ORDER BY code LIMIT 1');
    const [segment] = await t.sql<{ id: string }>('SELECT id FROM chain_segment WHERE chain_id = $1 LIMIT 1', [chain.id]);
    const member = (await t.http.post(`/api/v1/chains/${chain.id}/members`).set(staff).send({ enterpriseId }).expect(201)).body;
    const designation = (await t.http.post('/api/v1/designations').set(staff).send({ enterpriseId, type: 'LITTLE_GIANT', level: 'NATIONAL' }).expect(201)).body;
    const liaison = await t.as('LIAISON', { enterpriseIds: [enterpriseId] });
    const changeRequest = (
      await t.http.post(`/api/v1/enterprises/${enterpriseId}/change-requests`).set(liaison).send({ version: enterprise.version, profile: { shortName: '甬测' } }).expect(201)
    ).body;
    const [line] = await t.sql<{ code: string }>('SELECT l.code FROM quota_line l JOIN quota_plan p ON p.id = l.plan_id WHERE p.year = 2022 ORDER BY l.code LIMIT 1');
    for (const role of ROLES) {
      if (role === 'ANONYMOUS') headers[role] = {};
      else if (role === 'LIAISON') headers[role] = liaison;
      else headers[role] = await t.as(role, role === 'DISTRICT_STAFF' ? { districtCodes: ['330211'] } : {});
    }
    const byParam: Record<string, string[]> = {
      year: ['2022', '2023'],
      q: ['1', '2'],
      kind: ['enterprises', 'figures', 'designations', 'chain-memberships'],
      segmentId: [segment?.id ?? chain.id],
      memberId: [member.id],
      quarter: ['1'],
    };
    pathValues = (path, param) => {
      if (param === 'code') return path.includes('credit-code') ? [enterprise.creditCode] : [line.code];
      if (param !== 'id') return byParam[param] ?? ['1'];
      if (path.startsWith('/api/v1/enterprises/')) return [enterpriseId];
      if (path.startsWith('/api/v1/chains/')) return [chain.id];
      if (path.startsWith('/api/v1/designations/')) return [designation.id];
      if (path.startsWith('/api/v1/change-requests/')) return [changeRequest.id];
      // never a real user: a fuzzed PATCH must not disable the accounts the fuzzer logs in with
      return ['3f0c2a1e-9b7d-4c6e-8a5f-1d2e3f4a5b6c'];
    };
  });
  afterAll(() => t.close());

  async function operations(): Promise<FuzzOperation[]> {
    const doc = (await t.http.get('/docs-json').expect(200)).body as { paths: Record<string, Record<string, OpenApiOperation>> };
    const controllers = new Map((AppModule.forRoot({ databaseUrl: '' }).controllers ?? []).map((c) => [c.name, c as Function]));
    const ops: FuzzOperation[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of METHODS) {
        const op = item[method];
        if (!op) continue;
        const [controllerName, handler] = (op.operationId ?? '').split('_');
        const controller = controllers.get(controllerName);
        const args = controller ? handlerArguments(controller, handler) : { queryNames: [] };
        const queryFields: FieldShape[] = shapeOf(args.query);
        const named = new Set(queryFields.map((f) => f.name));
        for (const name of [...args.queryNames, ...(op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name)]) {
          if (!named.has(name)) queryFields.push({ name, optional: true, rules: new Map([['isString', []]]), each: new Map() });
          named.add(name);
        }
        ops.push({
          method,
          path: path.startsWith('/') ? path : `/${path}`,
          pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
          queryFields,
          bodyFields: shapeOf(args.body),
          multipart: Boolean(op.requestBody?.content?.['multipart/form-data']),
        });
      }
    }
    return ops;
  }

  async function send(fuzzed: FuzzRequest, role: string) {
    let call = http[fuzzed.method](fuzzed.url).set(headers[role]);
    for (const [k, v] of Object.entries(fuzzed.headers)) call = call.set(k, v);
    if (fuzzed.file) return call.attach(fuzzed.file.field, fuzzed.file.content, fuzzed.file.name);
    if (fuzzed.body !== undefined) return call.serialize((b: string) => b).send(fuzzed.body);
    return call;
  }

  it(`answers every generated request (≥ ${MIN_REQUESTS}, seed ${SEED}) with a status below 500`, async () => {
    const ops = await operations();
    expect(ops.length).toBeGreaterThan(60);
    // requests per operation, spread over the roles in turn
    const perOperation = Math.ceil(MIN_REQUESTS / ops.length);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;
    const lane = async (n: number) => {
      for (const [i, op] of ops.entries()) {
        if (i % LANES !== n) continue;
        const requests = fc.sample(requestArbitrary(op, pathValues, enterpriseId), { seed: SEED + i, numRuns: perOperation });
        for (const [j, fuzzed] of requests.entries()) {
          const role = ROLES[j % ROLES.length];
          const res = await send(fuzzed, role).catch((error: Error) => ({ status: 599, body: { message: error.message } }));
          sent++;
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status >= 500) failures.push(`${res.status} ${JSON.stringify(res.body).slice(0, 300)}\n  as ${role}: ${curl(fuzzed, role)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: LANES }, (_, n) => lane(n)));
    expect(sent).toBeGreaterThanOrEqual(MIN_REQUESTS);
    if (failures.length) throw new Error(`${failures.length} of ${sent} requests answered 5xx (seed ${SEED}):\n${failures.slice(0, 30).join('\n')}`);
    // Most requests must get past the parser and the guard, or the fuzzer tests nothing.
    expect((statuses.get(200) ?? 0) + (statuses.get(201) ?? 0)).toBeGreaterThan(sent / 20);
    // ~20 s of CPU; the budget leaves room for a machine shared with other jobs
  }, 300_000);
});
