import { BenchSuite } from './bench-suite';
import { consoleBench } from './console.bench';
import { exportBench } from './export.bench';
import { importBench } from './import.bench';
import { quotaProgressBench } from './quota-progress.bench';
import { searchBench } from './search.bench';

/** Suites run in this order on each city size; append new ones at the end. */
export const SUITES: BenchSuite[] = [importBench, searchBench, exportBench, quotaProgressBench, consoleBench];
