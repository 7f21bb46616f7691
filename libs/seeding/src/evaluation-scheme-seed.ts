import { EntityManager } from 'typeorm';

import { EvaluationSchemeEntity } from '@app/evaluation';

import { readSeed } from './seed-files';

const FILES = ['reference/evaluation-scheme-2023.json'];

/** Years of the example schemes (the demo city is evaluated for each); read when asked, not when the module loads. */
export function evaluationSchemeYears(): number[] {
  return FILES.map((file) => readSeed<{ year: number }>(file).year);
}

/** The example 亩均 schemes: added when the year has none, never overwriting a scheme staff edited. Returns how many were added. */
export async function seedEvaluationSchemes(manager: EntityManager): Promise<number> {
  let added = 0;
  for (const file of FILES) {
    const seed = readSeed<Omit<EvaluationSchemeEntity, 'smallLandThresholdMu'> & { smallLandThresholdMu: number }>(file);
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(EvaluationSchemeEntity)
      .values({ ...seed, smallLandThresholdMu: seed.smallLandThresholdMu.toFixed(2) })
      .orIgnore()
      .execute();
    added += (result.raw as unknown[]).length;
  }
  return added;
}
