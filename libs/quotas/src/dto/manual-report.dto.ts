import { Type } from 'class-transformer';
import { IsISO8601, IsNumber, IsOptional, IsString, IsUUID, Length, MaxLength, Min } from 'class-validator';

export class CreateManualReportDto {
  /** The cumulative value reached in the plan year, in the line's unit */
  @Type(() => Number) @IsNumber() @Min(0)
  value: number;

  /** The day the value was reached, YYYY-MM-DD */
  @IsISO8601({ strict: true }, { message: 'reportedOn 须为 YYYY-MM-DD 日期 (date)' })
  reportedOn: string;

  /** What proves it: document, list, notice number */
  @IsString() @Length(1, 2000)
  evidence: string;

  /** When the value is one district's part */
  @IsOptional() @IsString() @MaxLength(20)
  districtCode?: string;

  /** When the value is one chain's part */
  @IsOptional() @IsUUID()
  chainId?: string;
}

export class ManualReportDto {
  id: string;
  lineCode: string;
  value: number;
  reportedOn: string;
  evidence: string;
  districtCode: string | null;
  chainId: string | null;
  reportedBy: string;
  createdAt: string;
}
