import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';

import { currentRequestId } from '../request-context/request-context';
import { AppException } from './app.exception';
import { ErrorCode } from './error-codes';
import { ErrorResponseDto } from './error-response.dto';

const STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.VALIDATION_FAILED,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.VALIDATION_FAILED,
  429: ErrorCode.TOO_MANY_REQUESTS,
};

/** Renders every error as { statusCode, code, message, errors? }; only real bugs become 500. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    const body = this.toBody(exception, request);
    body.requestId = currentRequestId();
    if (body.statusCode >= 500) {
      this.logger.error({ msg: 'unhandled error', path: request.url, requestId: body.requestId, error: String((exception as Error)?.stack ?? exception) });
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
    const bodyParser = exception as { type?: string; status?: number };
    if (bodyParser?.type === 'entity.parse.failed') {
      return { statusCode: 400, code: ErrorCode.VALIDATION_FAILED, message: '请求体不是合法的 JSON (body is not valid JSON)' };
    }
    if (bodyParser?.type === 'entity.too.large') {
      return { statusCode: 413, code: ErrorCode.VALIDATION_FAILED, message: '请求体过大 (request body too large)' };
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
