import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional } from 'class-validator';

import { ImportKind } from '../import-kind';

export class ImportCountsDto {
  /** Rows that add a new record */
  created: number;
  /** Rows that change an existing record */
  updated: number;
  /** Rows identical to what is stored (a repeated apply is all unchanged) */
  unchanged: number;
  /** Rows with at least one error; any rejected row means nothing is written */
  rejected: number;
}

export class ImportErrorDto {
  /** Line (CSV) or row (XLSX) number in the file; 1 is the header */
  line: number;
  /** The column header as written in the file */
  column: string;
  /** Stable code, e.g. CREDIT_CODE_INVALID, DISTRICT_UNKNOWN, DUPLICATE_IN_FILE */
  code: string;
  message: string;
}

export class ImportReportDto {
  @ApiProperty({ enum: ImportKind, enumName: 'ImportKind' })
  kind: ImportKind;
  /** SHA-256 of the uploaded bytes, also written to the audit row */
  fileSha256: string;
  /** True: checked only, nothing written */
  dryRun: boolean;
  counts: ImportCountsDto;
  /** Every bad row's problems (at most 1,000 listed) */
  @ApiProperty({ type: [ImportErrorDto] })
  errors: ImportErrorDto[];
}

export class ImportKindParamDto {
  @IsEnum(ImportKind, { message: 'kind 应为 enterprises、figures、designations 或 chain-memberships' })
  @ApiProperty({ enum: ImportKind, enumName: 'ImportKind' })
  kind: ImportKind;
}

export class ImportQueryDto {
  /** true (default): check only and report; false: write all rows or none */
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'dryRun 应为 true 或 false' })
  dryRun?: boolean;
}

export class TemplateQueryDto {
  @IsOptional()
  @IsEnum(['csv', 'xlsx'], { message: 'format 应为 csv 或 xlsx' })
  @ApiProperty({ enum: ['csv', 'xlsx'], required: false })
  format?: 'csv' | 'xlsx';
}
