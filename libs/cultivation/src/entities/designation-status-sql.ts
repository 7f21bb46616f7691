// The rule lives in designation-rules.ts; kept at this path for the registry's list filters.
export { effectiveStatusSql } from '../designations/designation-rules';
