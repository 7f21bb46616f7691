import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEnum, IsInt, IsObject, IsOptional, IsString, Length, Min } from 'class-validator';

import { SavedViewPage } from './saved-view-page';

const STATE_SCHEMA = { type: 'object', additionalProperties: true, description: 'Filters, columns and sort as the console keeps them (a JSON object, at most 16 KB)' } as const;

export class SavedViewDto {
  id: string;
  @ApiProperty({ enum: SavedViewPage, enumName: 'SavedViewPage' })
  page: SavedViewPage;
  name: string;
  /** Shared with staff (visible to staff whose scope covers the owner's) or personal */
  shared: boolean;
  @ApiProperty(STATE_SCHEMA)
  state: Record<string, unknown>;
  ownerId: string;
  /** The owner's display name (or username) */
  ownerName: string;
  /** True when the caller owns it (and so may edit or delete it) */
  mine: boolean;
  /** Send it back on PATCH; a stale one gets 409 */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export class ListSavedViewsQueryDto {
  /** Only views of this page */
  @IsOptional()
  @IsEnum(SavedViewPage)
  @ApiPropertyOptional({ enum: SavedViewPage, enumName: 'SavedViewPage' })
  page?: SavedViewPage;
}

export class CreateSavedViewDto {
  @IsEnum(SavedViewPage)
  @ApiProperty({ enum: SavedViewPage, enumName: 'SavedViewPage' })
  page: SavedViewPage;

  /** 1–50 characters, unique among the owner's views of the page */
  @IsString()
  @Length(1, 50)
  name: string;

  /** Share with staff (bureau and district staff only); default personal */
  @IsOptional()
  @IsBoolean()
  shared?: boolean;

  @IsObject({ message: 'state 应为 JSON 对象 (state must be an object)' })
  @ApiProperty(STATE_SCHEMA)
  state: Record<string, unknown>;
}

export class UpdateSavedViewDto {
  /** The version you read; stale → 409 VERSION_CONFLICT */
  @IsInt()
  @Min(1)
  version: number;

  @IsOptional()
  @IsString()
  @Length(1, 50)
  name?: string;

  @IsOptional()
  @IsBoolean()
  shared?: boolean;

  @IsOptional()
  @IsObject({ message: 'state 应为 JSON 对象 (state must be an object)' })
  @ApiPropertyOptional(STATE_SCHEMA)
  state?: Record<string, unknown>;
}
