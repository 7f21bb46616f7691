import { Module } from '@nestjs/common';

import { EvaluationModule } from '@app/evaluation';
import { RegistryModule } from '@app/registry';

import { LandBlockService } from './blocks/land-block.service';
import { RemediationFromEvaluationService } from './cases/from-evaluation.service';
import { RemediationCaseQueryService } from './cases/remediation-case-query.service';
import { RemediationCaseService } from './cases/remediation-case.service';

const SERVICES = [LandBlockService, RemediationCaseQueryService, RemediationCaseService, RemediationFromEvaluationService];

@Module({ imports: [RegistryModule, EvaluationModule], providers: SERVICES, exports: SERVICES })
export class RemediationModule {}
