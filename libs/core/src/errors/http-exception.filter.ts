import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';

import { REQUEST_LIMITS } from '../http/request-limits';
import { currentRequestId } from '../request-context/request-context';
import { AppException } from './app.exception';
import { isDatabaseUnavailable } from './database-unavailable';
import { ErrorCode } from './error-codes';
import { ErrorResponseDto } from './error-response.dto';

const STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.VALIDATION_FAILED,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
  429: ErrorCode.TOO_MANY_REQUESTS,
};

/** Seconds a client is told to wait while the database is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

// What body-parser (and the JSON depth check) report, by its error `type`; all before authentication.
const BODY_ERRORS: Record<string, string> = {
  'entity.parse.failed': '请求体不是合法的 JSON (body is not valid JSON)',
  'entity.too.deep': `请求体嵌套过深,最多 ${REQUEST_LIMITS.jsonDepth} 层 (JSON nested deeper than ${REQUEST_LIMITS.jsonDepth} levels)`,
  'entity.too.large': `请求体过大,最大 ${REQUEST_LIMITS.bodyBytes / 1024} KB (request body too large)`,
  'charset.unsupported': '不支持该字符集,请用 UTF-8 发送 (unsupported charset: send UTF-8)',
  'encoding.unsupported': '不支持该 Content-Encoding (unsupported content encoding)',
};

/**
 * Renders every error as { statusCode, code, message, errors? }; only real bugs become 500 and are
 * logged with their stack. An unreachable database is 503 with Retry-After, logged as one line.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    const body = this.toBody(exception, request);
    body.requestId = currentRequestId();
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) {
      response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      this.logger.warn({ msg: 'service unavailable', path: request.path, requestId: body.requestId, error: String((exception as Error)?.message ?? exception) });
    } else if (body.statusCode >= 500) {
      this.logger.error({ msg: 'unhandled error', path: request.path, requestId: body.requestId, error: String((exception as Error)?.stack ?? exception) });
    }
    if (response.headersSent) {
      // A streamed download failed half-way: the status is gone, only closing the connection tells the client.
      response.destroy();
      return;
    }
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, request: Request): ErrorResponseDto {
    if (exception instanceof AppException) {
      return { statusCode: exception.status, code: exception.code, message: exception.message, errors: exception.errors, details: exception.details };
    }
    if (exception instanceof ThrottlerException) {
      return { statusCode: 429, code: ErrorCode.TOO_MANY_REQUESTS, message: '请求过于频繁,请稍后再试 (too many requests, try again later)' };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === HttpStatus.NOT_FOUND && !(exception.getResponse() as { code?: string })?.code) {
        return { statusCode: 404, code: ErrorCode.ROUTE_NOT_FOUND, message: `没有这个接口 (no route ${request.method} ${request.path})` };
      }
      const payload = exception.getResponse();
      const message = typeof payload === 'string' ? payload : String((payload as { message?: unknown }).message ?? exception.message);
      return { statusCode: status, code: STATUS_CODES[status] ?? ErrorCode.INTERNAL_ERROR, message };
    }
    if (isDatabaseUnavailable(exception)) {
      return { statusCode: 503, code: ErrorCode.SERVICE_UNAVAILABLE, message: `数据库暂时不可用,请稍后重试 (database unavailable, retry in ${RETRY_AFTER_SECONDS} s)` };
    }
    // body-parser's errors (http-errors): a client error with a status and a `type`, raised before any route.
    const httpError = exception as { type?: unknown; status?: unknown; expose?: unknown };
    if (typeof httpError?.status === 'number' && httpError.status >= 400 && httpError.status < 500 && httpError.expose === true) {
      const status = httpError.status;
      const message = BODY_ERRORS[String(httpError.type)] ?? '请求体无法读取 (request body could not be read)';
      return { statusCode: status, code: STATUS_CODES[status] ?? ErrorCode.VALIDATION_FAILED, message };
    }
    if (exception instanceof QueryFailedError) {
      const pg = exception.driverError as { code?: string; detail?: string; constraint?: string };
      if (pg.code === '23505') {
        return { statusCode: 409, code: ErrorCode.DUPLICATE, message: `记录重复 (duplicate): ${pg.detail ?? pg.constraint ?? ''}` };
      }
      if (pg.code === '40001' || pg.code === '40P01') {
        return { statusCode: 409, code: ErrorCode.CONFLICT, message: '并发修改冲突,请重试 (concurrent change, retry)' };
      }
      if (pg.code === '22003') {
        return { statusCode: 400, code: ErrorCode.VALIDATION_FAILED, message: '数值超出范围 (number out of range)' };
      }
    }
    return { statusCode: 500, code: ErrorCode.INTERNAL_ERROR, message: '服务器内部错误,已记录 (internal error, logged)' };
  }
}
