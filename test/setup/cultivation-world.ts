import { enterprisePayload } from './fixtures';
import { TestApp } from './test-app';

/**
 * Builds small cultivation worlds for tests, entirely over the HTTP API as a bureau officer would:
 * enterprises and figures, designations recorded with their past dates (created as 培育对象 or 已认定
 * on the first event's date, then moved along the lifecycle with dated transitions), and communities
 * formed on a past date.
 */
export interface WorldEvent {
  to: 'CANDIDATE' | 'RECOGNISED' | 'UNDER_REVIEW' | 'EXPIRED' | 'REVOKED' | 'REJECTED';
  on: string;
}

export interface WorldDesignation {
  enterpriseId: string;
  type: string;
  level: string;
  chainId?: string | null;
  /** Expiry given when the designation is recorded (only with a RECOGNISED first event) */
  expiresOn?: string | null;
  events: WorldEvent[];
}

export class CultivationWorld {
  constructor(
    private readonly t: TestApp,
    private readonly staff: Record<string, string>,
  ) {}

  async enterprise(overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await this.t.http.post('/api/v1/enterprises').set(this.staff).send(enterprisePayload(overrides));
    if (res.status !== 201) throw new Error(`enterprise: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  }

  async figures(enterpriseId: string, year: number, figures: Record<string, number>): Promise<void> {
    const res = await this.t.http.put(`/api/v1/enterprises/${enterpriseId}/figures/${year}`).set(this.staff).send(figures);
    if (res.status !== 201) throw new Error(`figures: ${res.status} ${JSON.stringify(res.body)}`);
  }

  /** Records a designation: the first event creates it (CANDIDATE or RECOGNISED on its date), the rest are transitions. */
  async designation(d: WorldDesignation): Promise<string> {
    return this.record({ enterpriseId: d.enterpriseId }, d);
  }

  /** The same for a carrier's recognition (绿色园区, 产业大脑 …). */
  async carrierDesignation(d: Omit<WorldDesignation, 'enterpriseId'> & { carrierId: string }): Promise<string> {
    return this.record({ carrierId: d.carrierId }, d);
  }

  private async record(holder: { enterpriseId: string } | { carrierId: string }, d: Omit<WorldDesignation, 'enterpriseId'>): Promise<string> {
    const [first, ...rest] = d.events;
    if (first.to !== 'CANDIDATE' && first.to !== 'RECOGNISED') throw new Error(`designation: a designation starts as CANDIDATE or RECOGNISED, not ${first.to}`);
    const dates = first.to === 'RECOGNISED' ? { recognisedOn: first.on, ...(d.expiresOn ? { expiresOn: d.expiresOn } : {}) } : { candidateSince: first.on };
    const res = await this.t.http
      .post('/api/v1/designations')
      .set(this.staff)
      .send({ ...holder, type: d.type, level: d.level, ...(d.chainId ? { chainId: d.chainId } : {}), status: first.to, ...dates });
    if (res.status !== 201) throw new Error(`designation: ${res.status} ${JSON.stringify(res.body)}`);
    await this.events(res.body.id, rest);
    return res.body.id as string;
  }

  /** Status changes on an existing designation, each effective on its date (e.g. a revocation recorded later, back-dated). */
  async events(designationId: string, events: WorldEvent[]): Promise<void> {
    if (!events.length) return;
    let version = (await this.t.http.get(`/api/v1/designations/${designationId}`).set(this.staff).expect(200)).body.version as number;
    for (const e of events) {
      const res = await this.t.http
        .post(`/api/v1/designations/${designationId}/transitions`)
        .set(this.staff)
        .send({ toStatus: e.to, effectiveOn: e.on, reason: `测试世界:${e.on} 变更为 ${e.to}`, version });
      if (res.status !== 201) throw new Error(`transition to ${e.to} on ${e.on}: ${res.status} ${JSON.stringify(res.body)}`);
      version = res.body.version;
    }
  }

  /** A carrier (绿色园区, 产业大脑 …) in a district, optionally run by an enterprise. */
  async carrier(c: { kind: string; name: string; districtCode: string; operatorEnterpriseId?: string; chainId?: string }): Promise<string> {
    const res = await this.t.http.post('/api/v1/carriers').set(this.staff).send(c);
    if (res.status !== 201) throw new Error(`carrier: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  }

  /** A community formed on a past date; its lead must hold a live 链主 designation on the chain today. */
  async community(c: { name: string; chainId: string; leadEnterpriseId: string; formedOn: string }): Promise<string> {
    const res = await this.t.http.post('/api/v1/communities').set(this.staff).send({ ...c, status: 'FORMED' });
    if (res.status !== 201) throw new Error(`community: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  }

  async chainIds(): Promise<string[]> {
    return (await this.t.http.get('/api/v1/chains').set(this.staff).expect(200)).body.map((c: { id: string }) => c.id);
  }
}
