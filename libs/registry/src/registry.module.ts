import { Module } from '@nestjs/common';

import { EnterpriseService } from './services/enterprise.service';
import { FiguresService } from './services/figures.service';
import { ReferenceCheckService } from './services/reference-check.service';

@Module({
  providers: [EnterpriseService, FiguresService, ReferenceCheckService],
  exports: [EnterpriseService, FiguresService, ReferenceCheckService],
})
export class RegistryModule {}
