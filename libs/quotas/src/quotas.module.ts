import { Module } from '@nestjs/common';

import { QuotaPlanCopyService } from './services/quota-plan-copy.service';
import { QuotaPlanService } from './services/quota-plan.service';
import { QuotaProgressService } from './services/quota-progress.service';
import { QuotaQuartersService } from './services/quota-quarters.service';
import { QuotaSnapshotService } from './services/quota-snapshot.service';

@Module({
  providers: [QuotaPlanService, QuotaPlanCopyService, QuotaProgressService, QuotaQuartersService, QuotaSnapshotService],
  exports: [QuotaPlanService, QuotaPlanCopyService, QuotaProgressService, QuotaQuartersService, QuotaSnapshotService],
})
export class QuotasModule {}
