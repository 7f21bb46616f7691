import { Module } from '@nestjs/common';

import { AuditModule } from '@app/audit';
import { RegistryModule } from '@app/registry';
import { RemediationModule } from '@app/remediation';

import { ExportService } from './export/export.service';
import { RemediationExportService } from './export/remediation-export.service';
import { ImportHandlers } from './import-handlers';
import { ImportService } from './import.service';
import { ChainMembershipImport } from './kinds/chain-membership.import';
import { DesignationImport } from './kinds/designation.import';
import { EnterpriseImport } from './kinds/enterprise.import';
import { FiguresImport } from './kinds/figures.import';
import { TemplateService } from './template.service';

@Module({
  imports: [AuditModule, RegistryModule, RemediationModule],
  providers: [ImportService, ImportHandlers, EnterpriseImport, FiguresImport, DesignationImport, ChainMembershipImport, TemplateService, ExportService, RemediationExportService],
  exports: [ImportService, TemplateService, ExportService, RemediationExportService],
})
export class ImportingModule {}
