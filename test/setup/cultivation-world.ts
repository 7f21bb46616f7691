import { enterprisePayload } from './fixtures';
import { TestApp } from './test-app';

/**
 * Builds small cultivation worlds for tests. Enterprises and figures go through the HTTP API; designations
 * (with their dated events) and communities are written with SQL until their HTTP routes exist — this is the
 * one place to switch to those routes.
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

  async designation(d: WorldDesignation): Promise<string> {
    const last = d.events[d.events.length - 1];
    const recognised = d.events.find((e) => e.to === 'RECOGNISED')?.on ?? null;
    const [{ id }] = await this.t.sql<{ id: string }>(
      `INSERT INTO designation (enterprise_id, type, level, chain_id, status, recognised_on, expires_on, year, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1) RETURNING id`,
      [d.enterpriseId, d.type, d.level, d.chainId ?? null, last.to, recognised, d.expiresOn ?? null, recognised ? Number(recognised.slice(0, 4)) : null],
    );
    await this.events(id, d.events);
    return id;
  }

  /** Appends status changes to an existing designation (e.g. a revocation recorded later). */
  async events(designationId: string, events: WorldEvent[]): Promise<void> {
    for (const e of events) {
      const [prev] = await this.t.sql<{ to_status: string }>(
        `SELECT to_status FROM designation_event WHERE designation_id = $1 ORDER BY effective_on DESC, id DESC LIMIT 1`,
        [designationId],
      );
      await this.t.sql(`INSERT INTO designation_event (designation_id, from_status, to_status, effective_on, actor_username) VALUES ($1, $2, $3, $4, 'test')`, [
        designationId,
        prev?.to_status ?? null,
        e.to,
        e.on,
      ]);
      await this.t.sql(`UPDATE designation SET status = $2, version = version + 1 WHERE id = $1`, [designationId, e.to]);
    }
  }

  async community(c: { name: string; chainId: string; leadEnterpriseId: string; formedOn: string }): Promise<string> {
    const [{ id }] = await this.t.sql<{ id: string }>(
      `INSERT INTO community (name, chain_id, lead_enterprise_id, status, formed_on, version) VALUES ($1, $2, $3, 'FORMED', $4, 1) RETURNING id`,
      [c.name, c.chainId, c.leadEnterpriseId, c.formedOn],
    );
    return id;
  }

  async chainIds(): Promise<string[]> {
    return (await this.t.sql<{ id: string }>(`SELECT id FROM chain ORDER BY sort_order, code`)).map((r) => r.id);
  }
}
