import { Module } from '@nestjs/common';

import { ChangeRequestReviewService } from './change-requests/change-request-review.service';
import { ChangeRequestSubmitService } from './change-requests/change-request-submit.service';
import { EnterpriseHistoryService } from './services/enterprise-history.service';
import { EnterpriseService } from './services/enterprise.service';
import { FiguresService } from './services/figures.service';
import { ReferenceCheckService } from './services/reference-check.service';

@Module({
  providers: [EnterpriseService, FiguresService, ReferenceCheckService, ChangeRequestSubmitService, ChangeRequestReviewService, EnterpriseHistoryService],
  exports: [EnterpriseService, FiguresService, ReferenceCheckService, ChangeRequestSubmitService, ChangeRequestReviewService, EnterpriseHistoryService],
})
export class RegistryModule {}
