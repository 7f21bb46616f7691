import { addYears } from '../dates/dates';
import { DesignationLevel, DesignationStatus, DesignationType, HOLDING_STATUSES } from './designation-enums';

/**
 * The designation rules that every path into the registry obeys — API, importer, chain summary, quota
 * measures, demo data and the synthetic city — each once, as a pure function with its SQL twin (the
 * model is `enterprise-scope.ts` in core). `test/e2e/designation-rules.e2e-spec.ts` runs one table of
 * cases through both forms, the SQL in PostgreSQL. The transitions are in `designation-state-machine.ts`,
 * "today in Beijing" in `common/dates.ts`.
 */

// ---- Default expiry -------------------------------------------------------------------------------

/**
 * Years a recognition of the MIIT ladder and a single champion was valid when the catalogue was seeded
 * (every rung three years, then re-review). Seed values only: the live validity of every type is the
 * catalogue's `recognition_type.validity_years`, which staff edit.
 */
export const RECOGNITION_VALIDITY_YEARS = 3;

/** The seeded types with a validity (the others never lapse by date): seed values, as above. */
export const EXPIRING_TYPES: readonly DesignationType[] = [
  DesignationType.LITTLE_GIANT,
  DesignationType.SINGLE_CHAMPION,
  DesignationType.SPECIALIZED_SME,
  DesignationType.INNOVATIVE_SME,
];

/** The validity the catalogue was seeded with for a coded type (null: no expiry). For demo planning and seeds. */
export const seededValidityYears = (type: DesignationType | string): number | null =>
  EXPIRING_TYPES.includes(type as DesignationType) ? RECOGNITION_VALIDITY_YEARS : null;

/**
 * The expiry a (re-)recognition on `recognisedOn` gets when none is given: the type's validity in years
 * (from the catalogue) later, none when the type has no validity. Re-recognition after review always
 * starts from this (an explicit expiry of the previous term is not carried over).
 */
export function defaultExpiry(validityYears: number | null, recognisedOn: string): string | null {
  return validityYears === null || validityYears === undefined ? null : addYears(recognisedOn, validityYears);
}

/** SQL twin of `defaultExpiry` over a validity-in-years expression (NULL = no expiry) and a date expression. */
export const defaultExpirySql = (validityYears: string, recognisedOn: string) =>
  `(CASE WHEN (${validityYears}) IS NOT NULL THEN ((${recognisedOn})::date + make_interval(years => (${validityYears})::int))::date END)`;

/** The catalogue's validity of the type a SQL expression names (NULL when none, or no such type). */
export const typeValiditySql = (type: string) => `(SELECT rt.validity_years FROM recognition_type rt WHERE rt.code = (${type}))`;

// ---- Identity key ---------------------------------------------------------------------------------

/** What makes two designations "the same": the holder (enterprise or carrier), type, level and chain (none for non-chain types). */
export interface DesignationIdentity {
  enterpriseId: string | null;
  /** The holder when it is a carrier (enterpriseId then null) */
  carrierId?: string | null;
  type: DesignationType | string;
  level: DesignationLevel | string;
  chainId: string | null;
}

/** The identity key: at most one live designation per key (also a partial unique index), and what an import row matches. */
export function designationKey(d: DesignationIdentity): string {
  return [d.enterpriseId ?? d.carrierId ?? '', d.type, d.level, d.chainId ?? ''].join('|');
}

/** SQL twin of `designationKey` for a designation row alias. */
export const designationKeySql = (alias = 'd') => `concat_ws('|', coalesce(${alias}.enterprise_id, ${alias}.carrier_id)::text, ${alias}.type, ${alias}.level, coalesce(${alias}.chain_id::text, ''))`;

// ---- Holds on date D ------------------------------------------------------------------------------

/** A designation's state as of some day: the status and the expiry in force recorded by its latest event up to then. */
export interface DesignationState {
  status: DesignationStatus;
  expiresOn: string | null;
}

export interface DatedEvent extends DesignationState {
  effectiveOn: string;
}

/**
 * The state on `date`: the latest event effective on or before it (events in recorded order; on the
 * same day the later recorded wins), or null when the designation did not exist yet. Each event keeps
 * the expiry in force from it on, so nothing recorded later — a re-recognition with a new term — can
 * change what the designation was on an earlier day.
 */
export function stateOn(events: readonly DatedEvent[], date: string): DesignationState | null {
  let found: DatedEvent | null = null;
  for (const e of events) if (e.effectiveOn <= date && (!found || e.effectiveOn >= found.effectiveOn)) found = e;
  return found && { status: found.status, expiresOn: found.expiresOn };
}

/**
 * The status a designation reads as on `date`. Only RECOGNISED lapses by date, the day after its
 * expiry; an UNDER_REVIEW one keeps holding past the expiry until the review decides.
 */
export function statusOn(state: DesignationState, date: string): DesignationStatus {
  return state.status === DesignationStatus.RECOGNISED && state.expiresOn !== null && state.expiresOn < date ? DesignationStatus.EXPIRED : state.status;
}

/** "Holds on date D": reads 已认定 or 复核中 on D. Every count, list and check of holders uses this. */
export function holdsOn(state: DesignationState | null, date: string): boolean {
  return state !== null && HOLDING_STATUSES.includes(statusOn(state, date));
}

/** SQL twin of `statusOn`: status and expiry are SQL expressions, `date` a date expression. */
export const statusOnSql = (status: string, expiresOn: string, date: string) =>
  `(CASE WHEN (${status}) = 'RECOGNISED' AND (${expiresOn}) < (${date}) THEN 'EXPIRED' ELSE (${status}) END)`;

/** SQL twin of `holdsOn` over a status and an expiry expression (NULL status = did not exist). */
export const holdsOnSql = (status: string, expiresOn: string, date: string) =>
  `(${statusOnSql(status, expiresOn, date)} IN (${HOLDING_STATUSES.map((s) => `'${s}'`).join(',')}))`;

/**
 * SQL twin of `stateOn`: a LATERAL-able subquery giving `status` and `expires_on` of designation `designationId`
 * on `date`. It reads `designation_state_span`, which triggers derive from the designation's events in the
 * transaction that records them (migration DesignationStateSpan: per event day, the state of its last recorded
 * event, valid until the next event day) — so it is one index probe, and the rule "latest event on or before
 * the day, the later recorded on the same day" lives in that derivation, tested equal to `stateOn`.
 */
export const stateOnSql = (designationId: string, date: string) =>
  `(SELECT sp.status, sp.expires_on FROM designation_state_span sp WHERE sp.designation_id = ${designationId} AND sp.valid_from <= (${date}) AND (${date}) < sp.valid_to)`;

/**
 * The state of every designation of `types` (a text[] SQL expression) on `date`, as a FROM item with the
 * designation's `id`, `enterprise_id`, `carrier_id`, `type`, `level`, `chain_id` and its `status` and
 * `expires_on` that day (`stateOnSql`'s rows, read for many designations at once): one range scan of the spans'
 * (type, valid_from) index. Designations without an event on or before `date` have no row.
 */
export const statesOnSql = (types: string, date: string) =>
  `(SELECT sp.designation_id AS id, sp.enterprise_id, sp.carrier_id, sp.type, sp.level, sp.chain_id, sp.status, sp.expires_on
      FROM designation_state_span sp WHERE sp.type = ANY(${types}) AND sp.valid_from <= (${date}) AND (${date}) < sp.valid_to)`;

/** The current row of a designation (`alias.status`, `alias.expires_on`) read on `date`: lists and filters "as read today". */
export const effectiveStatusSql = (alias = 'd', todayParam = 'today') => statusOnSql(`${alias}.status`, `${alias}.expires_on`, `CAST(:${todayParam} AS date)`);
