import { INestApplicationContext } from '@nestjs/common';

import { NOTIFICATION_KIND_LABELS, NotificationJobService } from '@app/notifications';

import { UsageError } from '../args';

/** `notify [--dry-run] [--date YYYY-MM-DD]`: the daily reminders, printed (dry run) or sent. */
export async function notifyCommand(app: INestApplicationContext, options: Record<string, string | true>, print: (line: string) => void): Promise<void> {
  const date = typeof options.date === 'string' ? options.date : undefined;
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError('--date must be YYYY-MM-DD');
  const job = app.get(NotificationJobService);
  if (options['dry-run'] === true) {
    const pending = await job.preview(date);
    for (const n of pending) print(`${n.username}\t${NOTIFICATION_KIND_LABELS[n.kind]}\t${n.title}`);
    print(`${pending.length} notification(s) would be sent (dry run, nothing written)`);
    return;
  }
  const result = await job.run(date);
  print(result.ran ? `${result.created} notification(s) sent for ${result.today} (${result.candidates - result.created} already sent)` : 'another instance is running the job; nothing sent');
}
