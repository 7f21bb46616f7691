import { Module } from '@nestjs/common';

import { QuotasModule } from '@app/quotas';

import { QuarterlyReportService } from './quarterly-report.service';

@Module({ imports: [QuotasModule], providers: [QuarterlyReportService], exports: [QuarterlyReportService] })
export class ReportsModule {}
