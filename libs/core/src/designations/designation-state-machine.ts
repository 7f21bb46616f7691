import { DESIGNATION_STATUS_LABELS, DesignationStatus } from './designation-enums';

const S = DesignationStatus;

/**
 * The lifecycle: every legal next state. EXPIRED, REVOKED and REJECTED are terminal. This table is
 * the one home of the rule: the API, the importer and the demo data judge every change with
 * `canTransition`, SQL with `transitionAllowedSql` (built from the same table).
 */
export const DESIGNATION_TRANSITIONS: Record<DesignationStatus, readonly DesignationStatus[]> = {
  [S.CANDIDATE]: [S.RECOGNISED, S.REJECTED],
  [S.RECOGNISED]: [S.UNDER_REVIEW, S.EXPIRED, S.REVOKED],
  [S.UNDER_REVIEW]: [S.RECOGNISED, S.EXPIRED, S.REVOKED],
  [S.EXPIRED]: [],
  [S.REVOKED]: [],
  [S.REJECTED]: [],
};

/** A designation comes into the registry as a candidate or as already recognised. */
export const INITIAL_STATUSES: readonly DesignationStatus[] = [S.CANDIDATE, S.RECOGNISED];

export function allowedNext(from: DesignationStatus | null): readonly DesignationStatus[] {
  return from === null ? INITIAL_STATUSES : DESIGNATION_TRANSITIONS[from];
}

/** Whether a designation may move from `from` to `to`; `from` null is its creation. Staying put is not a change. */
export function canTransition(from: DesignationStatus | null, to: DesignationStatus): boolean {
  return allowedNext(from).includes(to);
}

const PAIRS = [
  ...INITIAL_STATUSES.map((to) => `(NULL,'${to}')`),
  ...Object.entries(DESIGNATION_TRANSITIONS).flatMap(([from, next]) => next.map((to) => `('${from}','${to}')`)),
];

/** SQL twin of `canTransition`: true when the (text) expressions `from` (NULL = creation) → `to` is a legal step. */
export const transitionAllowedSql = (from: string, to: string) =>
  `(EXISTS (SELECT 1 FROM (VALUES ${PAIRS.join(',')}) AS t(f, s) WHERE t.f IS NOT DISTINCT FROM (${from})::text AND t.s = (${to})::text))`;

export function describeAllowed(from: DesignationStatus | null): string {
  const next = allowedNext(from);
  return next.length ? next.map((s) => `${DESIGNATION_STATUS_LABELS[s]} ${s}`).join('、') : '无(终态 terminal)';
}
