import { Module } from '@nestjs/common';

import { AuditModule } from '@app/audit';

import { EvaluationProcessService } from './process/evaluation-process.service';
import { EvaluationResultsService } from './results/results.service';
import { EvaluationRunService } from './run/evaluation-run.service';
import { EvaluationSchemeService } from './scheme/scheme.service';

const SERVICES = [EvaluationSchemeService, EvaluationRunService, EvaluationResultsService, EvaluationProcessService];

@Module({ imports: [AuditModule], providers: SERVICES, exports: SERVICES })
export class EvaluationModule {}
