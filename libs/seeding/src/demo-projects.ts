import { EntityManager, In } from 'typeorm';

import { ChainMembershipEntity } from '@app/cultivation';
import {
  plannedCumulativeYuan,
  ProgressReviewStatus,
  ProjectEntity,
  ProjectKind,
  ProjectProgressEntity,
  ProjectRevisionEntity,
  ProjectStage,
  ProjectStageEventEntity,
} from '@app/projects';
import { EnterpriseEntity } from '@app/registry';

const SEED_USER = 'seed';
const DEMO_DISTRICT = '330211';

/** How a demo project's reported progress runs against its plan: ahead, on plan, behind. */
const PACES = [1.25, 1.0, 0.7] as const;

const PROGRAMME_SETS = [['SHUANGBAI'], ['EXPANSION'], ['DIGITAL_TRANSFORMATION'], ['SHUANGBAI', 'DIGITAL_TRANSFORMATION'], ['EXPANSION', 'MAJOR_INDUSTRIAL']];
const KINDS: Record<string, ProjectKind> = { EXPANSION: ProjectKind.EXPANSION, DIGITAL_TRANSFORMATION: ProjectKind.TECH_UPGRADE, SHUANGBAI: ProjectKind.NEW_BUILD };
const SUBJECTS = ['智能制造产线', '数字化车间', '年产10万套关键零部件', '新材料中试基地', '智能仓储物流中心', '高端装备扩产'];

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Demo investment projects of the 2022 plan on demo enterprises (the demo liaison's firm included), with stage
 * histories and monthly progress that is ahead of, on or behind plan, the last month of some reported by the
 * liaison and still pending review — so the five project lines move and every state is on screen. Projects are
 * matched by name: one staff have changed or a second run is left alone.
 */
export async function seedDemoProjects(manager: EntityManager): Promise<number> {
  const firms: { id: string; name: string; district_code: string }[] = await manager.query(
    `(SELECT e.id, e.name, e.district_code FROM enterprise e WHERE e.district_code = $1 AND NOT e.archived
       ORDER BY EXISTS (SELECT 1 FROM designation d WHERE d.enterprise_id = e.id) DESC, e.credit_code LIMIT 3)
     UNION ALL
     (SELECT DISTINCT ON (e.district_code) e.id, e.name, e.district_code FROM enterprise e WHERE e.district_code <> $1 AND NOT e.archived
       ORDER BY e.district_code, e.credit_code)`,
    [DEMO_DISTRICT],
  );
  if (!firms.length) return 0;
  const chains = new Map(
    (await manager.find(ChainMembershipEntity, { where: { enterpriseId: In(firms.map((f) => f.id)) } })).map((m) => [m.enterpriseId, m.chainId]),
  );
  const existing = await manager.find(ProjectEntity, { select: { name: true, projectCode: true } });
  const names = new Set(existing.map((p) => p.name));
  // Codes too: the firms picked can differ on a second run (recognitions seeded later add designations).
  const codes = new Set(existing.map((p) => p.projectCode));
  let added = 0;
  for (let i = 0; i < firms.length * 2; i++) {
    const firm = firms[i % firms.length];
    const short = (await manager.findOneByOrFail(EnterpriseEntity, { id: firm.id })).shortName ?? firm.name.slice(0, 6);
    const name = `${short}${SUBJECTS[i % SUBJECTS.length]}项目`;
    const projectCode = `2022-${firm.district_code}-34-03-${String(100 + i).padStart(5, '0')}${i % 10}`;
    if (names.has(name) || codes.has(projectCode)) continue;
    const programmes = PROGRAMME_SETS[i % PROGRAMME_SETS.length];
    const total = (50 + ((i * 37) % 450)) * 1_000_000;
    const startMonth = 1 + (i % 4);
    const plannedStartOn = `2022-${pad(startMonth)}-10`;
    const plannedCompletionOn = i % 3 === 0 ? '2022-11-30' : '2023-06-30';
    const registeredOn = `2022-01-${pad(5 + (i % 20))}`;
    const terminated = i === 5;
    const project = await manager.save(
      manager.create(ProjectEntity, {
        name,
        projectCode,
        enterpriseId: firm.id,
        districtCode: firm.district_code,
        chainId: chains.get(firm.id) ?? null,
        kind: KINDS[programmes[0]] ?? ProjectKind.TECH_UPGRADE,
        programmeCodes: programmes,
        planYear: 2022,
        plannedTotalYuan: total.toFixed(2),
        plannedYearYuan: (total * 0.6).toFixed(2),
        plannedEquipmentYuan: (total * 0.5).toFixed(2),
        plannedSoftwareYuan: programmes.includes('DIGITAL_TRANSFORMATION') ? (total * 0.15).toFixed(2) : null,
        plannedStartOn,
        plannedCompletionOn,
        actualStartOn: plannedStartOn,
        actualCompletionOn: null,
        stage: ProjectStage.UNDER_CONSTRUCTION,
        registeredOn,
        note: '演示数据',
      }),
    );
    await manager.insert(ProjectRevisionEntity, {
      projectId: project.id,
      effectiveOn: registeredOn,
      districtCode: project.districtCode,
      chainId: project.chainId,
      programmeCodes: programmes,
      planYear: 2022,
      plannedTotalYuan: project.plannedTotalYuan,
      plannedYearYuan: project.plannedYearYuan,
      actorUsername: SEED_USER,
    });
    const stages: [ProjectStage | null, ProjectStage, string][] = [
      [null, ProjectStage.PREPARATION, registeredOn],
      [ProjectStage.PREPARATION, ProjectStage.STARTED, plannedStartOn],
      [ProjectStage.STARTED, ProjectStage.UNDER_CONSTRUCTION, `2022-${pad(startMonth + 1)}-15`],
    ];
    if (terminated) stages.push([ProjectStage.UNDER_CONSTRUCTION, ProjectStage.TERMINATED, '2022-09-15']);
    await manager.insert(
      ProjectStageEventEntity,
      stages.map(([fromStage, toStage, effectiveOn]) => ({ projectId: project.id, fromStage, toStage, effectiveOn, reason: '演示数据', actorUsername: SEED_USER })),
    );
    if (terminated) await manager.update(ProjectEntity, { id: project.id }, { stage: ProjectStage.TERMINATED });
    const pace = PACES[i % PACES.length];
    const lastMonth = terminated ? 8 : 12;
    const rows = [];
    for (let m = startMonth; m <= lastMonth; m++) {
      const month = `2022-${pad(m)}`;
      const plan = Number(plannedCumulativeYuan({ plannedTotalYuan: project.plannedTotalYuan, plannedStartOn, plannedCompletionOn, month }));
      const pending = m === lastMonth && i % 4 === 1;
      const reportedOn = m === 12 ? '2022-12-31' : `2022-${pad(m + 1)}-05`;
      rows.push({
        projectId: project.id,
        month,
        cumulativeYuan: Math.min(plan * pace, total).toFixed(2),
        reportedOn,
        effectiveOn: pending ? null : reportedOn,
        status: pending ? ProgressReviewStatus.PENDING : ProgressReviewStatus.APPROVED,
        note: pending ? '企业联络员填报,待审核' : null,
        reportedByUsername: SEED_USER,
        reviewedByUsername: pending ? null : SEED_USER,
        reviewedAt: pending ? null : new Date(`${reportedOn}T10:00:00+08:00`),
      });
    }
    if (rows.length) await manager.insert(ProjectProgressEntity, rows);
    added++;
  }
  return added;
}
