import { TestApp } from './test-app';
import { enterprisePayload } from './fixtures';

type Headers = Record<string, string>;

/** Registers an enterprise over HTTP, with annual figures per year when given (yuan). */
export async function createEnterprise(
  t: TestApp,
  staff: Headers,
  figures: Record<number, { revenue: number; output?: number }> = {},
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const res = await t.http.post('/api/v1/enterprises').set(staff).send(enterprisePayload(overrides)).expect(201);
  for (const [year, f] of Object.entries(figures)) {
    await t.http
      .put(`/api/v1/enterprises/${res.body.id}/figures/${year}`)
      .set(staff)
      .send({ operatingRevenueYuan: f.revenue, industrialOutputYuan: f.output ?? f.revenue })
      .expect(201);
  }
  return res.body.id as string;
}

export async function firstChain(t: TestApp, staff: Headers, index = 0): Promise<{ id: string; code: string }> {
  const res = await t.http.get('/api/v1/chains').set(staff).expect(200);
  return res.body[index];
}

export async function designate(t: TestApp, staff: Headers, body: Record<string, unknown>, expected = 201) {
  return t.http.post('/api/v1/designations').set(staff).send(body).expect(expected);
}
