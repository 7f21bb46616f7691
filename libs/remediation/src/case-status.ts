import { RemediationOutcome, RemediationStatus } from './remediation-enums';

/** One dated step of a case's history, as the rule reads it. */
export interface CaseStep {
  toStatus: RemediationStatus;
  effectiveOn: string;
  outcome: RemediationOutcome | null;
}

/**
 * The case's last step on or before `date` (steps in recorded order, dates never decreasing), or null when the
 * case did not exist yet. A case "closed on D" is one whose last step up to D is CLOSED: the closing date is
 * that step's date, so a reopening dated later never reaches back to a day before it.
 */
export function caseStepOn(steps: readonly CaseStep[], date: string): CaseStep | null {
  let last: CaseStep | null = null;
  for (const step of steps) if (step.effectiveOn <= date) last = step;
  return last;
}

/** The day the case was closed if it stands closed on `date`, else null. */
export function closedOnAsOf(steps: readonly CaseStep[], date: string): string | null {
  const step = caseStepOn(steps, date);
  return step?.toStatus === RemediationStatus.CLOSED ? step.effectiveOn : null;
}

/**
 * SQL twin of `caseStepOn`: a LATERAL subquery giving the last event (to_status, effective_on, outcome) of case
 * `caseId` (an SQL expression) on or before `date` (an SQL date expression). Events are ordered by date, then
 * by their serial id (the recorded order), exactly as the service appends them.
 */
export function caseStepOnSql(caseId: string, date: string): string {
  return `(SELECT ev.to_status, ev.effective_on, ev.outcome FROM remediation_case_event ev
    WHERE ev.case_id = ${caseId} AND ev.effective_on <= ${date} ORDER BY ev.effective_on DESC, ev.id DESC LIMIT 1)`;
}
