export class QuarterStatusDto {
  /** 1–4 */
  quarter: number;
  /** The quarter's last day, YYYY-MM-DD: what a freeze measures at */
  asOf: string;
  /** Whether the quarter's last day has passed (in Beijing) */
  ended: boolean;
  frozen: boolean;
  /** When it was frozen (ISO timestamp), null while not frozen */
  frozenAt: string | null;
  /** Login of the person who froze it */
  frozenBy: string | null;
  /** Display name of the person who froze it (their login when they have none) */
  frozenByName: string | null;
}

export class PlanQuartersDto {
  year: number;
  quarters: QuarterStatusDto[];
}
