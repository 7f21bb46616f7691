import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { enterprisePayload } from '../setup/fixtures';
import { createTestApp, TestApp } from '../setup/test-app';

type Option = { value: string; label: string };

describe('GET /dictionaries: the Chinese label of everything the API names in English', () => {
  let t: TestApp;
  let dict: { enums: Record<string, Option[]>; auditActions: Option[]; entityTypes: Option[]; fields: Record<string, Record<string, { label: string; unit?: string }>>; references: { key: string; path: string }[] };

  beforeAll(async () => {
    t = await createTestApp();
    dict = (await t.http.get('/api/v1/dictionaries').set(await t.as('VIEWER')).expect(200)).body;
  });
  afterAll(() => t.close());

  const label = (list: Option[], value: string) => list.find((o) => o.value === value)?.label;

  it('labels designation types, levels and statuses, roles and change-request statuses as the bureau writes them', () => {
    expect(label(dict.enums.designationType, 'CHAIN_CORE')).toBe('链核');
    expect(label(dict.enums.designationType, 'LITTLE_GIANT')).toBe('专精特新“小巨人”');
    expect(label(dict.enums.designationLevel, 'NATIONAL')).toBe('国家级');
    expect(label(dict.enums.designationStatus, 'RECOGNISED')).toBe('已认定');
    expect(label(dict.enums.role, 'DISTRICT_STAFF')).toBe('区县工作人员');
    expect(label(dict.enums.changeRequestStatus, 'PENDING')).toBe('待审核');
    expect(label(dict.enums.importKind, 'figures')).toBe('年度经济指标');
    expect(label(dict.enums.communityStatus, 'FORMED')).toBe('已组建');
    expect(dict.enums.designationType.map((o) => o.value).slice(0, 3)).toEqual(['CHAIN_LEADER', 'CHAIN_CORE', 'CHAIN_BASE']);
    // The catalogue's types, the plan's new recognitions and carriers included.
    expect(label(dict.enums.designationType, 'GREEN_DESIGN_PRODUCT')).toBe('绿色设计产品');
    expect(label(dict.enums.designationLevel, 'LEADING')).toBe('国家级(领航级)');
    expect(label(dict.enums.holderKind, 'CARRIER')).toBe('载体');
  });

  it('labels every enum value the committed OpenAPI document declares (file formats aside)', () => {
    const doc = JSON.parse(readFileSync(join(__dirname, '../../openapi/openapi.json'), 'utf8'));
    const declared = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      const enumValues = (node as { enum?: unknown[] }).enum;
      if (Array.isArray(enumValues)) enumValues.forEach((v) => declared.add(String(v)));
      Object.values(node).forEach(walk);
    };
    walk(doc);
    const formats = new Set(['json', 'csv', 'xlsx', 'pdf']);
    const labelled = new Set(Object.values(dict.enums).flatMap((list) => list.map((o) => o.value)));
    expect([...declared].filter((v) => !formats.has(v) && !labelled.has(v))).toEqual([]);
    for (const list of Object.values(dict.enums)) for (const o of list) expect(o.label).toMatch(/[\u4e00-\u9fff]/);
  });

  it('names editable fields with their unit, and the import template uses the same words', async () => {
    expect(dict.fields.enterprise.registeredCapitalYuan).toEqual({ label: '注册资本', unit: '元' });
    expect(dict.fields.enterprise.name).toEqual({ label: '企业名称' });
    expect(dict.fields.enterprise_figure.operatingRevenueYuan).toEqual({ label: '营业收入', unit: '元' });
    expect(dict.fields.enterprise_figure.employees).toEqual({ label: '从业人员', unit: '人' });
    const template = await t.http.get('/api/v1/imports/templates/enterprises?format=csv').set(await t.as('BUREAU_STAFF')).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks).toString('utf8')));
    });
    expect(template.body).toContain('注册资本(元)');
    expect(template.body).toContain('企业名称');
  });

  it('labels every audit action the app wrote while working, and the entity types it wrote about', async () => {
    const staff = await t.as('BUREAU_STAFF');
    const firm = (await t.http.post('/api/v1/enterprises').set(staff).send(enterprisePayload()).expect(201)).body;
    await t.http.patch(`/api/v1/enterprises/${firm.id}`).set(staff).send({ version: firm.version, registeredCapitalYuan: 20000000 }).expect(200);
    await t.http.put(`/api/v1/enterprises/${firm.id}/figures/2022`).set(staff).send({ operatingRevenueYuan: 100 }).expect(201);
    await t.http.post('/api/v1/auth/login').send({ username: 'nobody', password: 'wrong-pass-1' }).expect(401);
    const rows = await t.sql<{ action: string; entity_type: string }>('SELECT DISTINCT action, entity_type FROM audit_log');
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['enterprise.create', 'enterprise.update', 'figures.create', 'auth.login', 'auth.login_failed', 'user.create']));
    for (const { action, entity_type } of rows) {
      expect([action, label(dict.auditActions, action)]).toEqual([action, expect.stringMatching(/[\u4e00-\u9fff]/)]);
      expect([entity_type, label(dict.entityTypes, entity_type)]).toEqual([entity_type, expect.stringMatching(/[\u4e00-\u9fff]/)]);
    }
    expect(label(dict.auditActions, 'enterprise.update')).toBe('修改了企业信息');
  });

  it('points at the routes that list reference data, and needs a login', async () => {
    expect(dict.references.map((r) => r.path)).toEqual(['/api/v1/districts', '/api/v1/industries', '/api/v1/chains', '/api/v1/recognition-types']);
    await t.http.get('/api/v1/dictionaries').expect(401);
  });
});
