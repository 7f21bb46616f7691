import { EntityManager } from 'typeorm';

import { addDays, DESIGNATION_TYPE_LABELS, DesignationType, effectiveStatusSql } from '@app/core';
import { ProgressStatus, quarterEnd, QuotaPlanEntity, QuotaProgressService, QuotaSnapshotEntity } from '@app/quotas';

import { NotificationCandidateDto } from './dto/notification.dto';
import { NotificationKind } from './notification-kind';

/** Days before a recognition's expiry when district staff are told, nearest last. */
export const EXPIRY_HORIZONS = [90, 30] as const;
/** Days after a quarter's end when city staff are reminded it is still not frozen. */
export const FREEZE_GRACE_DAYS = 10;

const STATUS_LABELS: Record<string, string> = { APPROVED: '已通过', REJECTED: '已驳回' };

/** The most recent quarter whose last day is before `today`. */
export function lastEndedQuarter(today: string): { year: number; quarter: number } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const current = Math.ceil(month / 3);
  return current === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: current - 1 };
}

type Row = Record<string, string>;

/**
 * Everything the daily job would tell whom on `today`, each with a key that names the event (not the
 * day), so a message is sent once however often the job runs. Read-only SQL over the registry's tables;
 * the rules it needs (a recognition's status on a day, a line's progress) come from their owners.
 */
export async function notificationCandidates(manager: EntityManager, progress: QuotaProgressService, today: string): Promise<NotificationCandidateDto[]> {
  const out: NotificationCandidateDto[] = [];
  const push = (r: Row, kind: NotificationKind, dedupeKey: string, title: string, body: string, link: string | null) =>
    out.push({ userId: r.user_id, username: r.username, kind, dedupeKey, title, body, link });

  const waiting: Row[] = await manager.query(
    `SELECT cr.id, e.name, u.id AS user_id, u.username
     FROM change_request cr JOIN enterprise e ON e.id = cr.enterprise_id
     JOIN app_user u ON u.active AND u.role = 'DISTRICT_STAFF' AND e.district_code = ANY (u.district_codes)
     WHERE cr.status = 'PENDING' ORDER BY cr.created_at, u.username`,
  );
  for (const r of waiting) push(r, NotificationKind.CHANGE_REQUEST_WAITING, `cr-waiting:${r.id}`, `${r.name} 提交了变更申请,待审核`, '请在"变更审核"中处理。', `/change-requests/${r.id}`);

  const decided: Row[] = await manager.query(
    `SELECT cr.id, cr.status, coalesce(cr.decision_reason, '') AS reason, e.name, u.id AS user_id, u.username,
            coalesce(nullif(r.display_name, ''), cr.reviewed_by_username, '') AS reviewer
     FROM change_request cr JOIN enterprise e ON e.id = cr.enterprise_id
     JOIN app_user u ON u.id = cr.submitted_by_id AND u.active
     LEFT JOIN app_user r ON r.id = cr.reviewed_by_id
     WHERE cr.status IN ('APPROVED', 'REJECTED') ORDER BY cr.reviewed_at, cr.id`,
  );
  for (const r of decided) {
    const body = `审核人:${r.reviewer}${r.status === 'REJECTED' ? `;驳回理由:${r.reason}` : ''}`;
    push(r, NotificationKind.CHANGE_REQUEST_DECIDED, `cr-decided:${r.id}`, `您为 ${r.name} 提交的变更申请${STATUS_LABELS[r.status]}`, body, `/my/requests`);
  }

  const expiring: Row[] = await manager.query(
    `SELECT d.id, d.type, d.expires_on::text AS expires_on, (d.expires_on - CAST($1 AS date))::int AS days_left, e.name, u.id AS user_id, u.username
     FROM designation d JOIN enterprise e ON e.id = d.enterprise_id AND NOT e.archived
     JOIN app_user u ON u.active AND u.role = 'DISTRICT_STAFF' AND e.district_code = ANY (u.district_codes)
     WHERE ${effectiveStatusSql('d').replace(':today', '$1')} = 'RECOGNISED'
       AND d.expires_on BETWEEN CAST($1 AS date) AND CAST($1 AS date) + $2::int
     ORDER BY d.expires_on, d.id, u.username`,
    [today, EXPIRY_HORIZONS[0]],
  );
  for (const r of expiring) {
    const horizon = [...EXPIRY_HORIZONS].reverse().find((h) => Number(r.days_left) <= h)!;
    const label = DESIGNATION_TYPE_LABELS[r.type as DesignationType] ?? r.type;
    push(r, NotificationKind.RECOGNITION_EXPIRING, `expiring:${r.id}:${r.expires_on}:${horizon}`, `${r.name} 的${label}认定将于 ${r.expires_on} 到期(${horizon} 天内)`, '请提醒企业及时复核。', `/designations?expiring=${horizon}`);
  }

  const { year, quarter } = lastEndedQuarter(today);
  const plan = await manager.findOneBy(QuotaPlanEntity, { year });
  if (plan) {
    const cityStaff: Row[] = await manager.query(`SELECT id AS user_id, username FROM app_user WHERE active AND role = 'BUREAU_STAFF' ORDER BY username`);
    const measured = await progress.progress(year, quarterEnd(year, quarter), {}, manager);
    // A manual line nobody reported reads 未填报, not behind: it is not a lag to announce.
    const behind = measured.lines.filter((l) => l.status === ProgressStatus.BEHIND && !(l.measureKind === 'MANUAL' && l.evidence === null));
    for (const line of behind) {
      for (const u of cityStaff) {
        push(u, NotificationKind.QUOTA_LINE_BEHIND, `behind:${year}Q${quarter}:${line.code}`, `${year} 年第 ${quarter} 季度末,指标"${line.label}"进度滞后`, `完成 ${line.actual}${line.unit},目标 ${line.target}${line.unit}。`, `/progress?year=${year}`);
      }
    }
    const frozen = await manager.existsBy(QuotaSnapshotEntity, { planId: plan.id, quarter });
    if (!frozen && today >= addDays(quarterEnd(year, quarter), FREEZE_GRACE_DAYS)) {
      for (const u of cityStaff) {
        push(u, NotificationKind.QUARTER_NOT_FROZEN, `not-frozen:${year}Q${quarter}`, `${year} 年第 ${quarter} 季度结束已超过 ${FREEZE_GRACE_DAYS} 天,尚未冻结`, '请在"季度报告"中预览并冻结。', `/reports?year=${year}`);
      }
    }
  }
  return out;
}
