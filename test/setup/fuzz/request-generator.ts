import fc from 'fast-check';

import { xlsxWithSharedStrings } from '../xlsx-builder';
import { FieldShape, shapeOf } from './dto-shape';

/** One operation of the OpenAPI document, with the DTO classes its handler takes. */
export interface FuzzOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path template, e.g. /api/v1/enterprises/{id} */
  path: string;
  pathParams: string[];
  queryFields: FieldShape[];
  bodyFields: FieldShape[];
  multipart: boolean;
}

export interface FuzzRequest {
  method: FuzzOperation['method'];
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  file?: { field: string; content: Buffer; name: string };
}

/** Valid values for path parameters, by the path they occur in (fixtures of the running test app). */
export type PathValues = (path: string, param: string) => string[];

const LONE_HIGH = '\ud800';
const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
const SAMPLE_TEXT = '宁波甬江测试智能装备有限公司';
const REGEX_CANDIDATES = ['330211', '3411', 'C', '2023-06-01', 'SMART_FORMING_EQUIPMENT', 'REM_NEW_SEGMENT', '601018.SH', '0574-86000001', 'X_LINE_1', 'ab', '2022'];

function pickEnum(values: unknown[]): unknown[] {
  const raw = values[0];
  if (Array.isArray(raw)) return raw;
  if (raw && typeof raw === 'object') return Object.values(raw).filter((v) => typeof v === 'string' || typeof v === 'number');
  return [];
}

/** A value the field's rules accept, as far as they can be read (regexes are matched from candidates). */
function validScalar(rules: Map<string, unknown[]>, uuid: string): unknown {
  const num = (name: string) => (rules.get(name)?.[0] as number | undefined) ?? undefined;
  if (rules.has('isEnum')) return pickEnum(rules.get('isEnum')!)[0];
  if (rules.has('isIn')) return pickEnum(rules.get('isIn')!)[0];
  if (rules.has('isUUID')) return uuid;
  if (rules.has('isISO8601') || rules.has('isDateString')) return '2023-06-01';
  if (rules.has('isBoolean')) return true;
  if (rules.has('isInt')) return Math.min(Math.max(num('min') ?? 1, 1), num('max') ?? Number.MAX_SAFE_INTEGER);
  if (rules.has('isNumber')) return Math.min(Math.max(num('min') ?? 100, 100), num('max') ?? 1e12);
  if (rules.has('isEmail')) return 'clerk@example.cn';
  if (rules.has('matches')) {
    const pattern = rules.get('matches')![0] as RegExp;
    return REGEX_CANDIDATES.find((c) => pattern.test(c)) ?? 'x';
  }
  const min = num('minLength') ?? 2;
  const max = num('maxLength') ?? 200;
  return SAMPLE_TEXT.repeat(Math.ceil(min / SAMPLE_TEXT.length) + 1).slice(0, Math.max(min, Math.min(8, max)));
}

function validValue(field: FieldShape, uuid: string, depth: number): unknown {
  if (field.nested) {
    const object = depth < 4 ? validObject(shapeOf(field.nested), uuid, depth + 1) : {};
    return field.rules.has('isArray') ? [object] : object;
  }
  if (field.rules.has('isArray')) return [validScalar(field.each, uuid)];
  return validScalar(field.rules, uuid);
}

function validObject(fields: FieldShape[], uuid: string, depth = 0): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f.name, validValue(f, uuid, depth)]));
}

/** Values no field should take down the server with. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null, '', ' ', 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, true, false, [], {}, [null], ['x', null], { a: null },
    '\u0000', `a${LONE_HIGH}b`, '\udc00', 'a\u0000b', 'x'.repeat(20_000), '9'.repeat(400),
    '2023-02-30', '2023-13-01', '0000-00-00', '99999-12-31', '2023-06-01T25:61:00Z', '1970-01-01', '2100-12-31',
    "' OR 1=1 --", '%', '_', '\\', '../../etc/passwd', '<script>alert(1)</script>', '𠀀测试', 'NaN', 'Infinity', '-0', '1e3',
    '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff',
  ),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(5, 30).map((n) => JSON.parse(deep(n))),
);

/** A query-string value: valid, or hostile (raw, already percent-encoded where needed). */
const hostileQuery: fc.Arbitrary<string> = fc.constantFrom(
  '', '%00', 'a%00b', '%ED%A0%80', '%ff%fe', 'abc', '-1', '0', '1.5', '1e20', '99999999999999999999', 'x'.repeat(5000), '2023-02-30',
  '2023-13-45', 'true', 'null', 'undefined', '%5C', '%20%20', '!!!', '%25', '_', '__proto__', '%E5%AE%81', 'NaN', 'name:desc', 'nope:sideways', '1,2,3',
);

const hostilePath: fc.Arbitrary<string> = fc.constantFrom(
  '00000000-0000-0000-0000-000000000000', '7d1c9a3e-1b2c-4d5e-8f90-123456789abc', 'abc', '%00', 'a%00b', '%ED%A0%80', '..%2F..%2Fetc',
  '1'.repeat(2000), '-1', '0', '99999999999999999999', '2022', '5', 'null', '%20', 'ENTERPRISES', '9133021', '91330211MA2AAAAA1X',
);

function encode(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  // encodeURIComponent throws on a lone surrogate: send the bytes a careless client would
  return [...text].map((ch) => (/[\ud800-\udfff]/.test(ch) && ch.length === 1 ? '%ED%A0%80' : encodeURIComponent(ch))).join('');
}

const contentTypes = fc.constantFrom(
  'application/json', 'application/json', 'application/json', 'application/json; charset=utf-8', 'application/json; charset=gb18030',
  'application/json; charset=latin1', 'text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x',
);

const rawBodies: fc.Arbitrary<string> = fc.constantFrom(
  '', 'null', '[]', '"text"', '123', '{', '{"a":', '{"version":', deep(40), `{"a":${deep(3000)}}`, `{"name":"${'长'.repeat(60_000)}"}`,
  '{"__proto__":{"role":"ADMIN"}}', '{"constructor":{"prototype":{"x":1}}}', 'a=1&b=2', '<xml/>', '\u0000', '{"a":"\\ud800"}', '{"a":"\\u0000"}',
);

/** A request body: all valid, valid with one field broken, or a raw body with a content type. */
function bodyArbitrary(op: FuzzOperation, uuid: string): fc.Arbitrary<{ body?: string | Buffer; headers: Record<string, string> }> {
  const valid = validObject(op.bodyFields, uuid);
  const names = op.bodyFields.map((f) => f.name);
  const json = (o: unknown, contentType = 'application/json') => ({ body: JSON.stringify(o), headers: { 'Content-Type': contentType } });
  const oneBroken = names.length
    ? fc.record({ name: fc.constantFrom(...names), value: hostile, drop: fc.boolean() }).map(({ name, value, drop }) => {
        const body: Record<string, unknown> = { ...valid };
        if (drop && value === null) delete body[name];
        else body[name] = value;
        return json(body);
      })
    : hostile.map((value) => json({ field: value }));
  const nestedBroken = op.bodyFields
    .filter((f) => f.nested)
    .map((f) =>
      fc.record({ inner: fc.constantFrom(...(shapeOf(f.nested!).map((g) => g.name).concat('unknownField'))), value: hostile }).map(({ inner, value }) => {
        const nested = { ...(valid[f.name] as Record<string, unknown>), [inner]: value };
        return json({ ...valid, [f.name]: f.rules.has('isArray') ? [nested] : nested });
      }),
    );
  const raw = fc.record({ body: rawBodies, contentType: contentTypes }).map(({ body, contentType }) => ({ body, headers: { 'Content-Type': contentType } }));
  const gzipLie = fc.constant({ body: JSON.stringify(valid), headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' } });
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(json(valid)) },
    { weight: 6, arbitrary: oneBroken },
    ...nestedBroken.map((arbitrary) => ({ weight: 3, arbitrary })),
    { weight: 3, arbitrary: raw },
    { weight: 1, arbitrary: gzipLie },
  );
}

function fileArbitrary(): fc.Arbitrary<FuzzRequest['file'] | undefined> {
  const header = '统一社会信用代码,企业名称,所属区县代码,行业代码,产业链代码,年度,认定类型,级别,状态';
  return fc.oneof(
    fc.constant(undefined),
    fc.string({ unit: 'binary', maxLength: 300 }).map((s) => ({ field: 'file', content: Buffer.from(`${header}\r\n${s}\r\n`), name: 'x.csv' })),
    fc.uint8Array({ maxLength: 400 }).map((a) => ({ field: 'file', content: Buffer.from(a), name: 'x.csv' })),
    fc.uint8Array({ maxLength: 400 }).map((a) => ({ field: 'file', content: Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from(a)]), name: 'x.xlsx' })),
    fc.array(fc.string({ maxLength: 30 }), { minLength: 2, maxLength: 6 }).map((strings) => ({
      field: 'file',
      content: xlsxWithSharedStrings(strings, [strings.map((_, i) => i), strings.map((_, i) => strings.length - 1 - i)]),
      name: 'x.xlsx',
    })),
    fc.constant({ field: 'other', content: Buffer.from('a,b\r\n1,2\r\n'), name: 'x.csv' }),
    fc.constant({ field: 'file', content: Buffer.from(`${header}\r\n"unterminated,1\r\n`), name: 'x.csv' }),
  );
}

/** Requests for one operation: path parameters, query and body each valid or hostile. */
export function requestArbitrary(op: FuzzOperation, pathValues: PathValues, uuid: string): fc.Arbitrary<FuzzRequest> {
  const params = op.pathParams.map((name) => {
    const valid = pathValues(op.path, name);
    return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...valid) }, { weight: 1, arbitrary: hostilePath });
  });
  const queryPart = op.queryFields.map((field) =>
    fc.oneof(
      { weight: 4, arbitrary: fc.constant<string | undefined>(undefined) },
      { weight: 2, arbitrary: fc.constant(encode(validValue(field, uuid, 3))) },
      { weight: 3, arbitrary: hostileQuery },
      { weight: 1, arbitrary: hostile.map(encode) },
    ).map((value) => (value === undefined ? undefined : `${field.name}=${value}`)),
  );
  const extraQuery = fc.constantFrom('', '', '', 'page=1&page=2', 'pageSize=0', 'pageSize=101', 'page=-1', 'unknown=1', 'format=pdf', 'dryRun=maybe', 'q[$ne]=1');
  const body = op.method === 'get' || op.method === 'delete' ? fc.constant({ headers: {} as Record<string, string> }) : op.multipart ? fc.constant({ headers: {} as Record<string, string> }) : bodyArbitrary(op, uuid);
  const file = op.multipart ? fileArbitrary() : fc.constant(undefined);
  return fc.record({ params: fc.tuple(...params), query: fc.tuple(...queryPart), extraQuery, body, file }).map(({ params: values, query, extraQuery: extra, body: b, file: f }) => {
    let path = op.path;
    op.pathParams.forEach((name, i) => (path = path.replace(`{${name}}`, values[i])));
    const search = [...query.filter((q): q is string => q !== undefined), ...(extra ? [extra] : [])].join('&');
    return { method: op.method, url: search ? `${path}?${search}` : path, headers: b.headers, body: (b as { body?: string }).body, file: f };
  });
}

/** A curl command that replays a request against a locally started app. */
export function curl(request: FuzzRequest, role: string): string {
  const parts = [`curl -sS -X ${request.method.toUpperCase()} 'http://localhost:3000${request.url}'`];
  if (role !== 'ANONYMOUS') parts.push(`-H "Authorization: Bearer $TOKEN_${role}"`);
  for (const [k, v] of Object.entries(request.headers)) parts.push(`-H '${k}: ${v}'`);
  if (request.file) parts.push(`-F '${request.file.field}=@${request.file.name}' # ${request.file.content.length} bytes, base64 ${request.file.content.toString('base64').slice(0, 200)}`);
  if (request.body !== undefined) {
    const text = String(request.body);
    parts.push(`--data-binary '${text.slice(0, 500).replace(/'/g, "'\\''")}'${text.length > 500 ? ` # body cut, ${text.length} characters` : ''}`);
  }
  return parts.join(' ');
}
