import { Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { CurrentActor, Permission, RequirePermission } from '@app/auth';
import { ApiPaginatedResponse, ErrorResponseDto, Paginated } from '@app/core';
import type { Actor } from '@app/core';
import { NotificationDto, NotificationQueryDto, NotificationsService, UnreadCountDto } from '@app/notifications';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** The caller's inbox, newest first */
  @Get()
  @RequirePermission(Permission.SELF_READ)
  @ApiPaginatedResponse(NotificationDto)
  list(@CurrentActor() actor: Actor, @Query() query: NotificationQueryDto): Promise<Paginated<NotificationDto>> {
    return this.notifications.list(actor, query);
  }

  /** How many of the caller's messages are unread (the header badge) */
  @Get('unread-count')
  @RequirePermission(Permission.SELF_READ)
  @ApiOkResponse({ type: UnreadCountDto })
  unreadCount(@CurrentActor() actor: Actor): Promise<UnreadCountDto> {
    return this.notifications.unreadCount(actor);
  }

  /** Mark every message of the caller read */
  @Post('read-all')
  @RequirePermission(Permission.SELF_WRITE)
  @ApiOkResponse({ type: UnreadCountDto })
  readAll(@CurrentActor() actor: Actor): Promise<UnreadCountDto> {
    return this.notifications.markAllRead(actor);
  }

  /** Mark one of the caller's messages read; another user's message is not found */
  @Post(':id/read')
  @RequirePermission(Permission.SELF_WRITE)
  @ApiOkResponse({ type: NotificationDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  read(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<NotificationDto> {
    return this.notifications.markRead(actor, id);
  }
}
