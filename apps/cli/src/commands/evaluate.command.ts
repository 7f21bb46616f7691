import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { SYSTEM_ACTOR } from '@app/core';
import { EvaluationRunService, generateEvaluationData, landOfYearSql } from '@app/evaluation';

import { UsageError } from '../args';

/**
 * `evaluate --year Y [--generate] [--baseline]`: the year's 亩均 run without HTTP. --generate first adds
 * synthetic land and evaluation figures for firms that have none (demo and benchmark cities);
 * --baseline also times a plain read of the same inputs (the same joins, no computation) to compare.
 */
export async function evaluateCommand(app: INestApplicationContext, options: Record<string, string | true>, print: (line: string) => void): Promise<void> {
  const year = Number(options.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError('--year must be a year, e.g. --year 2023');
  const dataSource = app.get(DataSource);
  if (options.generate === true) {
    const started = Date.now();
    const added = await dataSource.transaction((manager) => generateEvaluationData(manager, year));
    print(`generated ${added.landRows} land rows and ${added.figureRows} evaluation figure rows for ${year} in ${Date.now() - started} ms`);
  }
  if (options.baseline === true) {
    const started = Date.now();
    const [row] = await dataSource.query(
      `SELECT count(*)::int AS n FROM enterprise e
       LEFT JOIN (${landOfYearSql('$1::int')}) l ON l.enterprise_id = e.id
       LEFT JOIN evaluation_figure ef ON ef.enterprise_id = e.id AND ef.year = $1::int
       LEFT JOIN enterprise_figure f ON f.enterprise_id = e.id AND f.year = $1::int AND f.quarter = 0
       WHERE NOT e.archived AND (l.enterprise_id IS NOT NULL OR ef.enterprise_id IS NOT NULL)`,
      [year],
    );
    print(`baseline: plain read of the run's inputs (${row.n} firms) in ${Date.now() - started} ms`);
  }
  const summary = await app.get(EvaluationRunService).run(SYSTEM_ACTOR, year);
  print(`evaluated ${year}: ${summary.resultCount} firms (${summary.evaluatedCount} ranked, ${summary.excludedCount} excluded) in ${summary.elapsedMs} ms (SQL), status ${summary.status}; steps ${JSON.stringify(summary.stepsMs)}`);
}
