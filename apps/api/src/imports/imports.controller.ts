import { Controller, Get, HttpCode, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';

import { CurrentActor, Permission, RequirePermission } from '@app/auth';
import { AppException, ErrorCode, ErrorResponseDto } from '@app/core';
import type { Actor } from '@app/core';
import { ImportKindParamDto, ImportQueryDto, ImportReportDto, ImportService, TemplateQueryDto, TemplateService } from '@app/importing';

/** Uploads are held in memory up to this size (a 100,000-row enterprise CSV is about 25 MB). */
const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

interface UploadedSheet {
  buffer: Buffer;
  originalname: string;
}

export const attachment = (fileName: string, ascii: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

@ApiTags('imports')
@Controller('imports')
@ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED (no file, unknown kind)' })
export class ImportsController {
  constructor(
    private readonly imports: ImportService,
    private readonly templates: TemplateService,
  ) {}

  /** An empty sheet with the Chinese headers for one kind (the XLSX explains each column on a second sheet) */
  @Get('templates/:kind')
  @RequirePermission(Permission.IMPORT)
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'The template file', schema: { type: 'string', format: 'binary' } })
  async template(@Param() { kind }: ImportKindParamDto, @Query() { format }: TemplateQueryDto, @Res() res: Response): Promise<void> {
    const file = await this.templates.template(kind, format ?? 'xlsx');
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', attachment(file.fileName, `${kind}-template.${format ?? 'xlsx'}`));
    res.send(file.body);
  }

  /**
   * Check (dryRun=true, the default) or apply (dryRun=false) a CSV (UTF-8 or GB18030) or XLSX file.
   * Apply writes every row or none: any bad row → 422 IMPORT_REJECTED listing each row's problems.
   */
  @Post(':kind')
  @HttpCode(200)
  @RequirePermission(Permission.IMPORT)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ type: ImportReportDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'IMPORT_REJECTED: errors[] name line and column; details.counts' })
  run(
    @CurrentActor() actor: Actor,
    @Param() { kind }: ImportKindParamDto,
    @Query() query: ImportQueryDto,
    @UploadedFile() file: UploadedSheet | undefined,
  ): Promise<ImportReportDto> {
    if (!file?.buffer?.length) throw AppException.field(ErrorCode.VALIDATION_FAILED, 'file', '请上传文件(表单字段 file) (upload the file as form field "file")');
    return this.imports.run(actor, kind, { buffer: file.buffer, name: file.originalname }, { dryRun: query.dryRun ?? true });
  }
}
