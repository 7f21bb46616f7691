import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { todayInChina } from '@app/core';
import { QuotaProgressService } from '@app/quotas';

import { NotificationCandidateDto, NotificationRunDto } from './dto/notification.dto';
import { notificationCandidates } from './notification-sources';

/** Advisory lock key of the daily job: with several instances, one computes and the others skip. */
const JOB_LOCK = [727012, 1] as const;

/** The daily reminders: computed for a day, inserted once per (user, key). */
@Injectable()
export class NotificationJobService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly progress: QuotaProgressService,
  ) {}

  /** What a run on `today` would create: the candidates not sent before. */
  async preview(today = todayInChina()): Promise<NotificationCandidateDto[]> {
    return this.dataSource.transaction('REPEATABLE READ', (manager) => this.unsent(manager, today));
  }

  async run(today = todayInChina()): Promise<NotificationRunDto> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock($1, $2) AS locked', [...JOB_LOCK]);
      if (!locked) return { today, ran: false, candidates: 0, created: 0 };
      const candidates = await notificationCandidates(manager, this.progress, today);
      if (!candidates.length) return { today, ran: true, candidates: 0, created: 0 };
      const inserted: unknown[] = await manager.query(
        `INSERT INTO notification (user_id, kind, dedupe_key, title, body, link)
         SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::text[], $6::varchar[])
         ON CONFLICT (user_id, dedupe_key) DO NOTHING RETURNING id`,
        [
          candidates.map((c) => c.userId),
          candidates.map((c) => c.kind),
          candidates.map((c) => c.dedupeKey),
          candidates.map((c) => c.title),
          candidates.map((c) => c.body),
          candidates.map((c) => c.link),
        ],
      );
      return { today, ran: true, candidates: candidates.length, created: inserted.length };
    });
  }

  private async unsent(manager: EntityManager, today: string): Promise<NotificationCandidateDto[]> {
    const candidates = await notificationCandidates(manager, this.progress, today);
    if (!candidates.length) return [];
    const sent: { user_id: string; dedupe_key: string }[] = await manager.query(
      `SELECT user_id, dedupe_key FROM notification WHERE (user_id, dedupe_key) IN (SELECT * FROM unnest($1::uuid[], $2::varchar[]))`,
      [candidates.map((c) => c.userId), candidates.map((c) => c.dedupeKey)],
    );
    const done = new Set(sent.map((s) => `${s.user_id} ${s.dedupe_key}`));
    return candidates.filter((c) => !done.has(`${c.userId} ${c.dedupeKey}`));
  }
}
