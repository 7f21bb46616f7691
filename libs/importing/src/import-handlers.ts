import { Injectable } from '@nestjs/common';

import { ImportHandler, ImportKind } from './import-kind';
import { CarrierImport } from './kinds/carrier.import';
import { ChainMembershipImport } from './kinds/chain-membership.import';
import { DesignationImport } from './kinds/designation.import';
import { EnterpriseImport } from './kinds/enterprise.import';
import { EvaluationFiguresImport } from './kinds/evaluation-figures.import';
import { FiguresImport } from './kinds/figures.import';
import { LandBlockImport } from './kinds/land-block.import';
import { LandUseImport } from './kinds/land-use.import';
import { ProjectProgressImport } from './kinds/project-progress.import';
import { ProjectImport } from './kinds/project.import';
import { RemediationCaseImport } from './kinds/remediation-case.import';

/** The handler for each kind of file. */
@Injectable()
export class ImportHandlers {
  private readonly byKind: Record<ImportKind, ImportHandler>;

  constructor(
    enterprises: EnterpriseImport,
    figures: FiguresImport,
    designations: DesignationImport,
    memberships: ChainMembershipImport,
    landUse: LandUseImport,
    evaluationFigures: EvaluationFiguresImport,
    projects: ProjectImport,
    projectProgress: ProjectProgressImport,
    carriers: CarrierImport,
    remediationCases: RemediationCaseImport,
    landBlocks: LandBlockImport,
  ) {
    this.byKind = {
      enterprises,
      figures,
      designations,
      'chain-memberships': memberships,
      'land-use': landUse,
      'evaluation-figures': evaluationFigures,
      projects,
      'project-progress': projectProgress,
      carriers,
      'remediation-cases': remediationCases,
      'land-blocks': landBlocks,
    };
  }

  get(kind: ImportKind): ImportHandler {
    return this.byKind[kind];
  }
}
