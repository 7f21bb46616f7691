import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';

import { Actor, AppException, ErrorCode, paginated, Paginated } from '@app/core';

import { NotificationDto, NotificationQueryDto, UnreadCountDto } from './dto/notification.dto';
import { NotificationEntity } from './entities/notification.entity';
import { NOTIFICATION_KIND_LABELS } from './notification-kind';

const view = (n: NotificationEntity): NotificationDto => ({
  id: n.id,
  kind: n.kind,
  kindLabel: NOTIFICATION_KIND_LABELS[n.kind] ?? n.kind,
  title: n.title,
  body: n.body,
  link: n.link,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt ? n.readAt.toISOString() : null,
});

/** A user's own inbox: nobody reads or marks another's messages. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(NotificationEntity);
  }

  async list(actor: Actor, query: NotificationQueryDto): Promise<Paginated<NotificationDto>> {
    const where = { userId: actor.id ?? '00000000-0000-0000-0000-000000000000', ...(query.unread === 'true' ? { readAt: IsNull() } : {}) };
    const [rows, total] = await this.repo.findAndCount({ where, order: { createdAt: 'DESC', id: 'ASC' }, skip: (query.page - 1) * query.pageSize, take: query.pageSize });
    return paginated(rows.map(view), query.page, query.pageSize, total);
  }

  async unreadCount(actor: Actor): Promise<UnreadCountDto> {
    if (!actor.id) return { unread: 0 };
    return { unread: await this.repo.countBy({ userId: actor.id, readAt: IsNull() }) };
  }

  async markRead(actor: Actor, id: string): Promise<NotificationDto> {
    const row = actor.id ? await this.repo.findOneBy({ id, userId: actor.id }) : null;
    if (!row) throw AppException.notFound(ErrorCode.NOT_FOUND, `没有这条消息 (no such notification)`);
    if (!row.readAt) {
      row.readAt = new Date();
      await this.repo.update({ id: row.id }, { readAt: row.readAt });
    }
    return view(row);
  }

  async markAllRead(actor: Actor): Promise<UnreadCountDto> {
    if (actor.id) await this.repo.update({ userId: actor.id, readAt: IsNull() }, { readAt: new Date() });
    return { unread: 0 };
  }
}
