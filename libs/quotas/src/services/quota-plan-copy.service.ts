import { Injectable } from '@nestjs/common';

import { Actor } from '@app/core';

import { QuotaPlanDto } from '../dto/quota-plan.dto';
import { QuotaPlanService } from './quota-plan.service';

/** Starting next year's plan from this year's: same lines, targets and splits, to be edited. */
@Injectable()
export class QuotaPlanCopyService {
  constructor(private readonly plans: QuotaPlanService) {}

  /** 409 QUOTA_PLAN_EXISTS when next year already has a plan: a copy never overwrites one. */
  async copyToNextYear(actor: Actor, year: number): Promise<QuotaPlanDto> {
    const source = await this.plans.get(year);
    const next = year + 1;
    return this.plans.create(actor, {
      year: next,
      title: source.title.split(String(year)).join(String(next)),
      sourceDocument: '',
      lines: source.lines.map((line) => ({
        code: line.code,
        label: line.label,
        unit: line.unit,
        group: line.group,
        target: line.target,
        direction: line.direction,
        measureKind: line.measureKind,
        measureParams: line.measureParams,
        sortOrder: line.sortOrder,
        note: line.note,
        splits: line.splits.map((s) => ({ districtCode: s.districtCode ?? undefined, chainId: s.chainId ?? undefined, target: s.target })),
      })),
    });
  }
}
