import { EntityManager } from 'typeorm';

import { SYSTEM_ACTOR } from '@app/core';
import { EvaluationRunEntity, EvaluationRunService, generateEvaluationData } from '@app/evaluation';

import { evaluationSchemeYears } from './evaluation-scheme-seed';

export interface DemoEvaluationCounts {
  evaluationLandRowsAdded: number;
  evaluationFigureRowsAdded: number;
  evaluationResultsComputed: number;
}

/**
 * The demo city evaluated: land use and evaluation figures for the demo firms in each seeded
 * scheme's year (derived from their registered land and annual figures, only missing rows added),
 * then the year's run when it has none yet — so the 亩均评价 page shows classes right after
 * `npm start`. Seeding again adds nothing and leaves a computed (or published, frozen) year alone.
 */
export async function seedDemoEvaluation(manager: EntityManager, runs: EvaluationRunService): Promise<DemoEvaluationCounts> {
  const counts: DemoEvaluationCounts = { evaluationLandRowsAdded: 0, evaluationFigureRowsAdded: 0, evaluationResultsComputed: 0 };
  for (const year of evaluationSchemeYears()) {
    const added = await generateEvaluationData(manager, year);
    counts.evaluationLandRowsAdded += added.landRows;
    counts.evaluationFigureRowsAdded += added.figureRows;
    if (await manager.exists(EvaluationRunEntity, { where: { year } })) continue;
    counts.evaluationResultsComputed += (await runs.runIn(manager, SYSTEM_ACTOR, year)).resultCount;
  }
  return counts;
}
