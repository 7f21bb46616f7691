import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { todayInChina } from '@app/core';

import { PlanQuartersDto } from '../dto/quarter-status.dto';
import { QuotaSnapshotEntity } from '../entities/quota-snapshot.entity';
import { QuotaPlanService } from './quota-plan.service';
import { quarterEnd } from './quota-snapshot.service';

/** The four quarters of a plan's year and whether each is frozen. */
@Injectable()
export class QuotaQuartersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: QuotaPlanService,
  ) {}

  /** `displayNames` maps a user id to the name people know them by (the auth lib owns users). */
  async list(year: number, displayNames: (ids: string[]) => Promise<Map<string, string>>, now = new Date()): Promise<PlanQuartersDto> {
    const plan = await this.plans.findPlan(this.dataSource.manager, year);
    const rows = await this.dataSource.manager.find(QuotaSnapshotEntity, { where: { planId: plan.id }, select: ['quarter', 'frozenAt', 'frozenById', 'frozenByUsername'] });
    const names = await displayNames(rows.map((r) => r.frozenById).filter((id): id is string => Boolean(id)));
    const today = todayInChina(now);
    return {
      year,
      quarters: [1, 2, 3, 4].map((quarter) => {
        const row = rows.find((r) => r.quarter === quarter);
        const asOf = quarterEnd(year, quarter);
        return {
          quarter,
          asOf,
          ended: asOf < today,
          frozen: Boolean(row),
          frozenAt: row ? row.frozenAt.toISOString() : null,
          frozenBy: row?.frozenByUsername ?? null,
          frozenByName: row ? ((row.frozenById && names.get(row.frozenById)) || row.frozenByUsername) : null,
        };
      }),
    };
  }
}
