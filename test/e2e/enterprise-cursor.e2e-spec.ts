import { createTestApp, TestApp } from '../setup/test-app';

type Headers = Record<string, string>;
type Page = { items: { id: string; districtCode: string }[]; meta: { total: number; totalCapped?: boolean; nextCursor?: string } };

describe('keyset paging of the enterprise list (after = meta.nextCursor)', () => {
  let t: TestApp;
  let staff: Headers;
  let serial = 0;

  /** Inserts live firms straight into the table (the setup, not the behaviour under test); returns their ids. */
  const insert = async (names: string[], districtCode: string): Promise<string[]> => {
    const rows = await t.sql<{ id: string }>(
      `INSERT INTO enterprise (credit_code, name, district_code, industry_code, industry_section, version)
       SELECT 'CUR' || lpad((($3::int) + n)::text, 15, '0'), name, $2, '3411', 'C', 1 FROM unnest($1::text[]) WITH ORDINALITY AS x(name, n)
       RETURNING id`,
      [names, districtCode, serial],
    );
    serial += names.length;
    return rows.map((r) => r.id);
  };

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.as('BUREAU_STAFF');
  });
  afterAll(() => t.close());

  const get = async (headers: Headers, query: Record<string, unknown>): Promise<Page> =>
    (await t.http.get('/api/v1/enterprises').query(query).set(headers).expect(200)).body as Page;

  /** Follows nextCursor to the end, calling `between` after each page; returns the ids in the order served. */
  const walk = async (headers: Headers, query: Record<string, unknown>, between: (page: number) => Promise<unknown> = async () => undefined) => {
    const ids: string[] = [];
    let after: string | undefined;
    for (let page = 1; page < 100; page++) {
      const body = await get(headers, after ? { ...query, after } : query);
      ids.push(...body.items.map((e) => e.id));
      after = body.meta.nextCursor;
      if (!after) return ids;
      await between(page);
    }
    throw new Error('paging did not end');
  };

  it('serves every row exactly once in name order, for a district and for a search, while firms are added between pages', async () => {
    // Names repeat (i % 11), so the id breaks ties; 甬 sorts around the others, so added firms land before and after the cursor.
    const original = await insert(Array.from({ length: 40 }, (_, i) => `宁波游标${i % 11}号机电有限公司`), '330225');
    const other = await insert(Array.from({ length: 5 }, (_, i) => `宁波游标${i}号他区机电有限公司`), '330226');
    const added: string[] = [];
    const addTwo = async (page: number) => added.push(...(await insert([`宁波游标${page % 11}号新增机电有限公司`, `宁波游标甬${page}新增机电有限公司`], '330225')));

    for (const query of [{ districtCode: '330225', pageSize: 7 }, { q: '游标', districtCode: '330225', pageSize: 7 }, { q: '游标', pageSize: 6 }]) {
      added.length = 0;
      const expectedNow = query.districtCode ? original : [...original, ...other];
      const before = new Set(await t.sql<{ id: string }>(`SELECT id FROM enterprise WHERE name LIKE '%游标%'`).then((r) => r.map((x) => x.id)));
      const ids = await walk(staff, query, addTwo);
      expect(new Set(ids).size).toBe(ids.length);
      // Every firm that matched when paging began is served; anything else served is a firm added meanwhile.
      for (const id of expectedNow) expect(ids).toContain(id);
      const allowed = new Set([...before].filter((id) => !query.districtCode || !other.includes(id)).concat(added));
      for (const id of ids) expect(allowed.has(id)).toBe(true);
    }
  });

  it('pages the same rows as page numbers when nothing changes, in either direction of a sort', async () => {
    await insert(Array.from({ length: 23 }, (_, i) => `宁波次序${String(i).padStart(2, '0')}有限公司`), '330227');
    for (const sort of ['name:asc', 'createdAt:desc', 'creditCode:desc']) {
      const byNumber: string[] = [];
      for (let page = 1; page <= 5; page++) byNumber.push(...(await get(staff, { districtCode: '330227', sort, pageSize: 5, page })).items.map((e) => e.id));
      expect(byNumber).toHaveLength(23);
      expect(await walk(staff, { districtCode: '330227', sort, pageSize: 5 })).toEqual(byNumber);
    }
  });

  it('keeps a district officer to their districts on every cursor page', async () => {
    await insert(Array.from({ length: 12 }, (_, i) => `宁波辖区${i}甲有限公司`), '330228');
    const mine = await insert(Array.from({ length: 9 }, (_, i) => `宁波辖区${i}乙有限公司`), '330229');
    const officer = await t.as('DISTRICT_STAFF', { districtCodes: ['330229'], username: 'cursor_officer' });
    const ids = await walk(officer, { q: '辖区', pageSize: 4 });
    expect(ids.sort()).toEqual([...mine].sort());
    // A cursor taken by city staff does not widen an officer's view.
    const cityPage = await get(staff, { q: '辖区', pageSize: 2 });
    const rest = await walk(officer, { q: '辖区', pageSize: 50, after: cityPage.meta.nextCursor });
    for (const id of rest) expect(mine).toContain(id);
  });

  it('rejects a cursor that is garbage or belongs to another sort, on the field after', async () => {
    const page = await get(staff, { pageSize: 1 });
    expect(page.meta.nextCursor).toEqual(expect.any(String));
    const otherSort = await t.http.get('/api/v1/enterprises').query({ sort: 'creditCode:asc', after: page.meta.nextCursor }).set(staff).expect(400);
    expect(otherSort.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'after' })] });
    const forged = (sort: string, value: string) => Buffer.from(JSON.stringify([sort, value, '00000000-0000-4000-8000-000000000000'])).toString('base64url');
    for (const [after, sort] of [
      ['bm9wZQ', undefined], ['not a cursor', undefined], [Buffer.from('["name:asc","x","1"]').toString('base64url'), undefined],
      [forged('createdAt:desc', 'yesterday'), 'createdAt:desc'], [forged('name:asc', 'a\u0000b'), undefined],
    ]) {
      const bad = await t.http.get('/api/v1/enterprises').query(sort ? { after, sort } : { after }).set(staff).expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'after' })]);
    }
  });

  it('counts a filtered list exactly up to 10,000 and says when the total is a lower bound; a rare word is still found among them', async () => {
    await t.sql(
      `INSERT INTO enterprise (credit_code, name, district_code, industry_code, industry_section, version)
       SELECT 'BIG' || lpad(i::text, 15, '0'), '宁波批量' || i || '号有限公司', '330281', '3411', 'C', 1 FROM generate_series(1, 20005) i`,
    );
    const capped = await get(staff, { districtCode: '330281', pageSize: 10 });
    expect(capped.meta).toMatchObject({ total: 10000, totalCapped: true });
    expect(capped.items).toHaveLength(10);
    const exact = await get(staff, { districtCode: '330227', pageSize: 10 });
    expect(exact.meta.total).toBe(23);
    expect(exact.meta.totalCapped).toBeUndefined();
    // More than 20,000 live firms: a rare word's name-order walk gives up and the bigram index answers.
    const [rare] = await insert(['宁波罕见词有限公司'], '330281');
    const found = await get(staff, { q: '罕见' });
    expect(found.items.map((e) => e.id)).toEqual([rare]);
    expect(found.meta).toEqual({ page: 1, pageSize: 25, total: 1 });
    // A common word among them: capped at 1,000, its first page in name order, with a cursor onwards.
    const common = await get(staff, { q: '批量', pageSize: 5 });
    expect(common.meta).toMatchObject({ total: 1000, totalCapped: true, nextCursor: expect.any(String) });
    const firstFive = await t.sql<{ id: string }>(`SELECT id FROM enterprise WHERE archived = false AND name LIKE '%批量%' ORDER BY name, id LIMIT 5`);
    expect(common.items.map((e) => e.id)).toEqual(firstFive.map((r) => r.id));
    // The same walk for an officer of that district (their scope inside the walk), and on by cursor.
    const officer = await t.as('DISTRICT_STAFF', { districtCodes: ['330281'], username: 'walk_officer' });
    const tenInOrder = await t.sql<{ id: string }>(
      `SELECT id FROM enterprise WHERE archived = false AND district_code = '330281' AND name LIKE '%批量%' ORDER BY name, id LIMIT 10`,
    );
    const officerFirst = await get(officer, { q: '批量', pageSize: 5 });
    expect(officerFirst.meta).toMatchObject({ total: 1000, totalCapped: true });
    expect(officerFirst.items.map((e) => e.id)).toEqual(tenInOrder.slice(0, 5).map((r) => r.id));
    const officerNext = await get(officer, { q: '批量', pageSize: 5, after: officerFirst.meta.nextCursor });
    expect(officerNext.items.map((e) => e.id)).toEqual(tenInOrder.slice(5).map((r) => r.id));
    // Page 2 by number comes from the same walk as the count.
    const second = await get(staff, { q: '批量', pageSize: 5, page: 2, districtCode: '330281' });
    expect(second.items.map((e) => e.id)).toEqual(tenInOrder.slice(5).map((r) => r.id));
    // A page by number reaching past the cap: its rows by OFFSET, the total still the capped one.
    const page400 = await get(staff, { districtCode: '330281', pageSize: 25, page: 400 });
    const byOffset = await t.sql<{ id: string }>(`SELECT id FROM enterprise WHERE archived = false AND district_code = '330281' ORDER BY name, id OFFSET 9975 LIMIT 25`);
    expect(page400.items.map((e) => e.id)).toEqual(byOffset.map((r) => r.id));
    expect(page400.meta).toMatchObject({ total: 10000, totalCapped: true });
    // A search counted up to 1,000 (the bigram path: with an industry filter) whose last page lies past 975: exact.
    await t.sql(
      `INSERT INTO enterprise (credit_code, name, district_code, industry_code, industry_section, version)
       SELECT 'FEW' || lpad(i::text, 15, '0'), '宁波稀疏' || i || '号有限公司', '330227', '3411', 'C', 1 FROM generate_series(1, 990) i`,
    );
    const last = await get(staff, { q: '稀疏', industryCode: '3411', pageSize: 25, page: 40 });
    const lastRows = await t.sql<{ id: string }>(`SELECT id FROM enterprise WHERE archived = false AND name LIKE '%稀疏%' ORDER BY name, id OFFSET 975`);
    expect(last.items.map((e) => e.id)).toEqual(lastRows.map((r) => r.id));
    expect(last.meta.total).toBe(990);
    expect(last.meta.totalCapped).toBeUndefined();
    const beyond = await get(staff, { q: '稀疏', industryCode: '3411', pageSize: 25, page: 41 });
    expect(beyond.items).toEqual([]);
    expect(beyond.meta.total).toBe(990);
    // An officer of another district finds none of them.
    const elsewhere = await t.as('DISTRICT_STAFF', { districtCodes: ['330226'], username: 'walk_elsewhere' });
    expect((await get(elsewhere, { q: '批量' })).meta.total).toBe(0);
  });
});
