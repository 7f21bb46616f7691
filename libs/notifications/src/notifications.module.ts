import { Module } from '@nestjs/common';

import { QuotasModule } from '@app/quotas';

import { NotificationJobService } from './notification-job.service';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [QuotasModule],
  providers: [NotificationsService, NotificationJobService],
  exports: [NotificationsService, NotificationJobService],
})
export class NotificationsModule {}
