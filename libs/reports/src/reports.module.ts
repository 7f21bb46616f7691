import { Module } from '@nestjs/common';

import { QuotasModule } from '@app/quotas';
import { ReferenceModule } from '@app/reference';

import { QuarterlyReportService } from './quarterly-report.service';

@Module({ imports: [QuotasModule, ReferenceModule], providers: [QuarterlyReportService], exports: [QuarterlyReportService] })
export class ReportsModule {}
