import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { DesignationStatus, statusOnSql, todayInChina } from '@app/core';

import { DesignationEventEntity } from '../entities/designation-event.entity';

/**
 * Writes down the expiries that reads already derive: RECOGNISED rows past expiresOn become
 * EXPIRED with an event dated the day after expiry (actor "system"). Run before a create for the
 * enterprise concerned, so a lapsed recognition does not block a new one through the live-only
 * unique index.
 */
@Injectable()
export class DesignationExpiryService {
  async settle(manager: EntityManager, enterpriseIds: string | string[] | null, today = todayInChina()): Promise<number> {
    return this.settleWhere(manager, 'enterprise_id', enterpriseIds, today);
  }

  /** The same for the recognitions of carriers. */
  async settleCarrier(manager: EntityManager, carrierIds: string | string[], today = todayInChina()): Promise<number> {
    return this.settleWhere(manager, 'carrier_id', carrierIds, today);
  }

  private async settleWhere(manager: EntityManager, column: 'enterprise_id' | 'carrier_id', ids: string | string[] | null, today: string): Promise<number> {
    const params: unknown[] = [today];
    let where = `${statusOnSql('status', 'expires_on', '$1::date')} = 'EXPIRED' AND status = 'RECOGNISED'`;
    if (ids) {
      params.push(typeof ids === 'string' ? [ids] : ids);
      where += ` AND ${column} = ANY($2::uuid[])`;
    }
    const [rows] = (await manager.query(
      `UPDATE designation SET status = 'EXPIRED', version = version + 1, updated_at = now() WHERE ${where}
       RETURNING id, (expires_on + 1)::text AS effective_on, expires_on::text`,
      params,
    )) as [{ id: string; effective_on: string; expires_on: string }[], number];
    if (rows.length) {
      await manager.insert(
        DesignationEventEntity,
        rows.map((r) => ({
          designationId: r.id,
          fromStatus: DesignationStatus.RECOGNISED,
          toStatus: DesignationStatus.EXPIRED,
          effectiveOn: r.effective_on,
          expiresOn: r.expires_on,
          reason: '有效期届满,未经复核自动到期 (lapsed at its expiry date)',
          actorId: null,
          actorUsername: 'system',
        })),
      );
    }
    return rows.length;
  }
}
