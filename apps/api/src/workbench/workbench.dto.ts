import { ApiProperty } from '@nestjs/swagger';

import { DesignationDto } from '@app/cultivation';
import { MeasureKind, ProgressStatus } from '@app/quotas';
import { ChangeRequestDto } from '@app/registry';

export class WorkbenchChangeRequestsDto {
  /** Change requests waiting for review in the caller's scope */
  pending: number;
  /** The oldest waiting ones (up to 5) */
  @ApiProperty({ type: [ChangeRequestDto] })
  top: ChangeRequestDto[];
}

export class WorkbenchExpiringDto {
  /** The window, in days from today (Beijing time) */
  withinDays: number;
  /** Recognitions (已认定/复核中) expiring within the window, in scope */
  count: number;
  /** The soonest (up to 5) */
  @ApiProperty({ type: [DesignationDto] })
  top: DesignationDto[];
}

export class WorkbenchQuotaLineDto {
  code: string;
  label: string;
  unit: string;
  group: string;
}

export class WorkbenchKpiDto {
  code: string;
  label: string;
  unit: string;
  group: string;
  @ApiProperty({ enum: MeasureKind, enumName: 'MeasureKind' })
  measureKind: MeasureKind;
  /** null when the caller's district has no split target for the line */
  target: number | null;
  actual: number;
  percent: number | null;
  @ApiProperty({ enum: ProgressStatus, enumName: 'ProgressStatus' })
  status: ProgressStatus;
  statusLabel: string;
}

export class WorkbenchQuarterDto {
  year: number;
  quarter: number;
  /** The quarter's last day, YYYY-MM-DD: the date it is frozen as of */
  endsOn: string;
  /** The year has a quota plan (without one the quarter cannot be frozen) */
  planExists: boolean;
  /** Frozen already (a quarterly report exists) */
  frozen: boolean;
  frozenAt: Date | null;
  frozenByUsername: string | null;
}

export class WorkbenchFreezeDto {
  /** The current quarter: it can be frozen once it has ended */
  current: WorkbenchQuarterDto;
  /** The last quarter that has ended, and whether it is frozen */
  last: WorkbenchQuarterDto;
}

export class WorkbenchQuotasDto {
  /** The current plan: this year's, else the latest earlier one; null when there is none */
  planYear: number | null;
  /** Progress is as of this day: today, or 12-31 of an earlier plan year */
  asOf: string | null;
  /** MANUAL lines nobody has reported a value for (in the caller's district, for a district officer) */
  unreportedManualLines: WorkbenchQuotaLineDto[];
  /** Designations held against the plan's targets (链主/链核/链基, 单项冠军, 小巨人 …), as quota progress computes them */
  kpis: WorkbenchKpiDto[];
}

export class WorkbenchDto {
  /** Today in Beijing, YYYY-MM-DD */
  today: string;
  changeRequests: WorkbenchChangeRequestsDto;
  expiring: WorkbenchExpiringDto;
  quotas: WorkbenchQuotasDto;
  freeze: WorkbenchFreezeDto;
}
