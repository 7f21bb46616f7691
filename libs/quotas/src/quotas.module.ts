import { Module } from '@nestjs/common';

import { QuotaPlanService } from './services/quota-plan.service';
import { QuotaProgressService } from './services/quota-progress.service';
import { QuotaSnapshotService } from './services/quota-snapshot.service';

@Module({
  providers: [QuotaPlanService, QuotaProgressService, QuotaSnapshotService],
  exports: [QuotaPlanService, QuotaProgressService, QuotaSnapshotService],
})
export class QuotasModule {}
