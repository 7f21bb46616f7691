import { Controller, Get, HttpStatus } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Public } from '@app/auth';
import { AppException, ErrorCode, ErrorResponseDto } from '@app/core';
import { checkReportFonts } from '@app/reports';

class HealthDto {
  /** ok; degraded when the app serves but a part is unavailable (see checks) */
  @ApiProperty({ example: 'ok' })
  status: string;
}

class ReportFontCheckDto {
  /** ok or error */
  status: string;
  /** The regular font's file */
  path?: string;
  /** Why the font cannot be used (PDF reports then answer 503 REPORT_FONT_UNAVAILABLE) */
  message?: string;
}

class ReadyChecksDto {
  /** ok (otherwise the whole answer is 503) */
  database: string;
  reportFont: ReportFontCheckDto;
}

class ReadyDto extends HealthDto {
  checks: ReadyChecksDto;
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The process is up */
  @Get()
  @ApiOkResponse({ type: HealthDto })
  live(): HealthDto {
    return { status: 'ok' };
  }

  /**
   * Ready to serve: the database answers (else 503). A report font that cannot be opened only disables PDF
   * reports, so the instance stays in service and answers 200 with status "degraded" and the reason.
   */
  @Get('ready')
  @ApiOkResponse({ type: ReadyDto })
  @ApiServiceUnavailableResponse({ type: ErrorResponseDto })
  async ready(): Promise<ReadyDto> {
    try {
      await this.dataSource.query('SELECT 1');
      const reportFont = checkReportFonts();
      return { status: reportFont.status === 'ok' ? 'ok' : 'degraded', checks: { database: 'ok', reportFont } };
    } catch {
      throw new AppException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.SERVICE_UNAVAILABLE, '数据库不可用 (database unreachable)');
    }
  }
}
