import { Module } from '@nestjs/common';

import { AuditModule } from '@app/audit';
import { CultivationModule } from '@app/cultivation';
import { ProjectsModule } from '@app/projects';
import { RegistryModule } from '@app/registry';
import { RemediationModule } from '@app/remediation';

import { ExportService } from './export/export.service';
import { RemediationExportService } from './export/remediation-export.service';
import { ImportHandlers } from './import-handlers';
import { ImportService } from './import.service';
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
import { ProjectExportService } from './export/project-export.service';
import { TemplateService } from './template.service';

@Module({
  imports: [AuditModule, CultivationModule, RegistryModule, ProjectsModule, RemediationModule],
  providers: [ImportService, ImportHandlers, EnterpriseImport, FiguresImport, DesignationImport, ChainMembershipImport, LandUseImport, EvaluationFiguresImport, ProjectImport, ProjectProgressImport, CarrierImport, RemediationCaseImport, LandBlockImport, TemplateService, ExportService, ProjectExportService, RemediationExportService],
  exports: [ImportService, TemplateService, ExportService, ProjectExportService, RemediationExportService],
})
export class ImportingModule {}
