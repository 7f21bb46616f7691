import { addDays, addYears, DesignationLevel as L, DesignationStatus as S, DesignationType as T, RECOGNITION_VALIDITY_YEARS } from '@app/core';

import { SeedEnterprise } from '../seed-files';
import { PlannedDesignation, PlannedStep } from './demo-plan.types';

/** FNV-1a: a stable number per credit code (and salt), so the demo never depends on Math.random. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A day in the given month, picked by the credit code. */
export const dayIn = (creditCode: string, year: number, month: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(1 + (stableHash(creditCode + month) % 28)).padStart(2, '0')}`;

export const revenue = (e: SeedEnterprise, year: number) => Number(e.figures.find((f) => f.year === year)?.operatingRevenueYuan ?? 0);

export const byHash = (salt: string) => (a: SeedEnterprise, b: SeedEnterprise) =>
  stableHash(a.creditCode + salt) - stableHash(b.creditCode + salt) || a.creditCode.localeCompare(b.creditCode);

const MIIT = '工业和信息化部';
const PROVINCE = '浙江省经济和信息化厅';

const step = (to: S, on: string, reason: string): PlannedStep => ({ to, on, reason });
const recognise = (on: string, reason = '公布认定名单') => step(S.RECOGNISED, on, reason);
const candidate = (on: string) => step(S.CANDIDATE, on, '列入培育库');

function recognition(e: SeedEnterprise, type: T, level: L, batch: string | null, steps: PlannedStep[], extra: Partial<PlannedDesignation> = {}): PlannedDesignation {
  const first = steps.find((s) => s.to === S.RECOGNISED) ?? steps[0];
  const year = Number(first.on.slice(0, 4));
  return {
    creditCode: e.creditCode,
    type,
    level,
    chainCode: null,
    batch,
    year,
    noticeNo: null,
    recognisingBody: level === L.NATIONAL ? MIIT : level === L.PROVINCIAL ? PROVINCE : '宁波市经济和信息化局',
    evidence: null,
    steps,
    ...extra,
  };
}

/** Re-review when the term ends: under review two months before expiry, then re-recognised or not. */
function reviewed(recognisedOn: string, outcome: S.RECOGNISED | S.EXPIRED): PlannedStep[] {
  const expires = addYears(recognisedOn, RECOGNITION_VALIDITY_YEARS);
  return [
    step(S.UNDER_REVIEW, addDays(expires, -60), '三年期满复核'),
    outcome === S.RECOGNISED ? recognise(addDays(expires, -10), '复核通过,继续认定') : step(S.EXPIRED, addDays(expires, 1), '复核未通过,到期不再保留'),
  ];
}

/**
 * 专精特新"小巨人": batch 3 (2021) reviewed in 2024, batch 4 (2022) partly reviewed in 2025, one
 * revoked and some left to lapse (read as expired), batch 5 dated relative to today so a few expire
 * within 60 days, plus candidates and a rejection.
 */
export function planLittleGiants(pool: SeedEnterprise[], today: string): PlannedDesignation[] {
  const lg = (e: SeedEnterprise, batch: string, steps: PlannedStep[]) =>
    recognition(e, T.LITTLE_GIANT, L.NATIONAL, batch, steps, { noticeNo: `工信厅企业函〔${steps.find((s) => s.to === S.RECOGNISED)?.on.slice(0, 4) ?? today.slice(0, 4)}〕${100 + (stableHash(e.creditCode) % 300)}号` });
  return pool.slice(0, 28).map((e, i) => {
    if (i < 6) {
      const on = dayIn(e.creditCode, 2021, 7);
      return lg(e, '第三批', [candidate(addDays(on, -120)), recognise(on), ...reviewed(on, i === 5 ? S.EXPIRED : S.RECOGNISED)]);
    }
    if (i < 16) {
      const on = dayIn(e.creditCode, 2022, 8);
      const steps = [candidate(addDays(on, -150)), recognise(on)];
      if (i < 12) steps.push(...reviewed(on, S.RECOGNISED));
      else if (i === 12) steps.push(step(S.REVOKED, dayIn(e.creditCode, 2023, 11), '发生重大安全生产事故,撤销认定'));
      return lg(e, '第四批', steps);
    }
    if (i < 22) {
      // Dated from today: four expire within 60 days, two have just lapsed without review.
      const on = i < 20 ? addDays(addYears(today, -3), [12, 27, 41, 55][i - 16]) : addDays(addYears(today, -3), -20 - i);
      return lg(e, '第五批', [candidate(addDays(on, -120)), recognise(on)]);
    }
    if (i < 27) return lg(e, '第八批', [candidate(dayIn(e.creditCode, 2025, 3))]);
    return lg(e, '第六批', [candidate(dayIn(e.creditCode, 2024, 3)), step(S.REJECTED, dayIn(e.creditCode, 2024, 7), '专家评审未通过')]);
  });
}

const CHAMPION_PRODUCTS = ['高性能烧结钕铁硼永磁体', '精密注塑成型机', '汽车电子驻车制动器'];

/** 制造业单项冠军: enterprise and product champions across batches 6–8, reviewed, lapsed, revoked. */
export function planChampions(pool: SeedEnterprise[], today: string): PlannedDesignation[] {
  const sc = (e: SeedEnterprise, batch: string, steps: PlannedStep[], product?: number) =>
    recognition(e, T.SINGLE_CHAMPION, L.NATIONAL, batch, steps, {
      noticeNo: `工信部联企业函〔${steps[0].on.slice(0, 4)}〕${200 + (stableHash(e.creditCode) % 200)}号`,
      ...(product === undefined ? {} : { productName: CHAMPION_PRODUCTS[product], productCode: String(3000 + (stableHash(e.creditCode) % 900)) }),
    });
  return pool.slice(0, 10).map((e, i) => {
    if (i < 3) {
      const on = dayIn(e.creditCode, 2021, 11);
      return sc(e, '第六批', [recognise(on), ...reviewed(on, S.RECOGNISED)]);
    }
    if (i < 6) {
      const on = dayIn(e.creditCode, 2022, 11);
      const steps = [recognise(on)];
      if (i === 3) steps.push(...reviewed(on, S.RECOGNISED));
      if (i === 5) steps.push(step(S.UNDER_REVIEW, addDays(addYears(on, 3), -60), '三年期满复核'));
      return sc(e, '第七批', steps, i < 5 ? i - 3 : undefined);
    }
    if (i < 8) return sc(e, '第八批', [recognise(addDays(addYears(today, -3), i === 6 ? 18 : 48))], i === 7 ? 2 : undefined);
    if (i === 8) return sc(e, '第十批', [candidate(dayIn(e.creditCode, 2025, 4))]);
    const on = dayIn(e.creditCode, 2021, 11);
    return sc(e, '第六批', [recognise(on), step(S.REVOKED, dayIn(e.creditCode, 2023, 5), '企业主营产品发生变化,撤销称号')]);
  });
}

/** Provincial SME ladder: recognised 2021–2024, with a few candidates, one rejected, one revoked. */
export function planProvincial(pool: SeedEnterprise[], type: T.SPECIALIZED_SME | T.INNOVATIVE_SME, firstYear: number): PlannedDesignation[] {
  return pool.slice(0, 40).map((e, i) => {
    const year = firstYear + (i % 4);
    const on = dayIn(e.creditCode, year, type === T.SPECIALIZED_SME ? 9 : 6);
    let steps = [recognise(on)];
    if (i >= 36) steps = [candidate(dayIn(e.creditCode, 2025, 5))];
    if (i === 35) steps = [candidate(dayIn(e.creditCode, 2024, 2)), step(S.REJECTED, dayIn(e.creditCode, 2024, 6), '未达到评价标准')];
    if (i === 34) steps.push(step(S.REVOKED, dayIn(e.creditCode, year + 1, 10), '企业迁出宁波,撤销认定'));
    return recognition(e, type, L.PROVINCIAL, `${year}年`, steps, { noticeNo: `浙经信企业〔${year}〕${50 + (stableHash(e.creditCode + type) % 150)}号` });
  });
}
