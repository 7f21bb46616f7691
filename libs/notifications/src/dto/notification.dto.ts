import { IsBooleanString, IsOptional } from 'class-validator';

import { PageQueryDto } from '@app/core';

import { NotificationKind } from '../notification-kind';

export class NotificationQueryDto extends PageQueryDto {
  /** "true": only unread messages */
  @IsOptional() @IsBooleanString()
  unread?: string;
}

export class NotificationDto {
  id: string;
  kind: NotificationKind;
  /** Chinese label of the kind */
  kindLabel: string;
  title: string;
  body: string;
  /** Console path the message points at */
  link: string | null;
  createdAt: string;
  /** null while unread */
  readAt: string | null;
}

export class UnreadCountDto {
  /** Unread messages in the caller's inbox */
  unread: number;
}

/** What the daily job would send (dry run) or sent. */
export class NotificationCandidateDto {
  userId: string;
  username: string;
  kind: NotificationKind;
  dedupeKey: string;
  title: string;
  body: string;
  link: string | null;
}

export class NotificationRunDto {
  /** The day the job computed for (Beijing), YYYY-MM-DD */
  today: string;
  /** false when another instance held the lock, so this one did nothing */
  ran: boolean;
  /** Messages computed (before removing those already sent) */
  candidates: number;
  /** Messages newly created */
  created: number;
}
