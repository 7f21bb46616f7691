import { Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';

import { NotificationJobService } from '@app/notifications';

/** Runs the reminders every morning at 07:00 Beijing time; an advisory lock keeps it to one instance. */
@Injectable()
export class NotificationScheduler {
  private readonly logger = new Logger(NotificationScheduler.name);

  constructor(private readonly job: NotificationJobService) {}

  @Cron('0 0 7 * * *', { name: 'daily-notifications', timeZone: 'Asia/Shanghai' })
  async daily(): Promise<void> {
    try {
      const result = await this.job.run();
      this.logger.log(`notifications ${result.today}: ${result.ran ? `${result.created} new of ${result.candidates}` : 'skipped, another instance holds the lock'}`);
    } catch (error) {
      this.logger.error(`notifications failed: ${String(error)}`);
    }
  }
}
