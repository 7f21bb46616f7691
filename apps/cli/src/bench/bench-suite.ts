/**
 * The contract between `cli bench` (the runner: builds the synthetic city, writes docs/benchmarks.md)
 * and each benchmark suite. A suite measures one thing and always reports a baseline measured in
 * the same run next to each figure (e.g. the plain SQL that computes the same numbers).
 */
export interface BenchContext {
  /** Database holding the synthetic city for this size */
  databaseUrl: string;
  /** Number of enterprises in that city */
  enterprises: number;
  /** Base URL of a running API on that database (for HTTP load tests), and a bearer token for it */
  apiUrl: string;
  token: string;
  /** Process id of that API (a separate process), for memory measurements */
  apiPid?: number;
  print(line: string): void;
}

export interface BenchRow {
  measure: string;
  value: string;
  baseline: string;
  baselineValue: string;
  /** The goal from the issue, if any, e.g. "p99 < 100 ms" */
  goal?: string;
  /** "met", or by how much it is missed */
  verdict?: string;
}

export interface BenchResult {
  title: string;
  rows: BenchRow[];
  notes?: string[];
}

export type BenchSuite = (context: BenchContext) => Promise<BenchResult>;
