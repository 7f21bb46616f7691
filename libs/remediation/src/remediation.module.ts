import { Module } from '@nestjs/common';

import { RegistryModule } from '@app/registry';

import { LandBlockService } from './blocks/land-block.service';
import { RemediationCaseQueryService } from './cases/remediation-case-query.service';
import { RemediationCaseService } from './cases/remediation-case.service';

const SERVICES = [LandBlockService, RemediationCaseQueryService, RemediationCaseService];

@Module({ imports: [RegistryModule], providers: SERVICES, exports: SERVICES })
export class RemediationModule {}
