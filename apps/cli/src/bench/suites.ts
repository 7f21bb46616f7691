import { BenchSuite } from './bench-suite';
import { consoleBench } from './console.bench';
import { exportBench } from './export.bench';
import { importBench } from './import.bench';
import { lookupBench } from './lookup.bench';
import { quotaProgressBench, quotaProgressLiveBench } from './quota-progress.bench';
import { searchBench } from './search.bench';
import { startBench } from './start.bench';

/** Suites run in this order on each city size (`--suites lookup,start` picks some by name); append new ones at the end. */
export const SUITES: Record<string, BenchSuite> = {
  import: importBench,
  search: searchBench,
  export: exportBench,
  progress: quotaProgressBench,
  'progress-live': quotaProgressLiveBench,
  lookup: lookupBench,
  start: startBench,
  console: consoleBench,
};
