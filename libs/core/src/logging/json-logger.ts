import { LoggerService } from '@nestjs/common';

import { currentRequestId } from '../request-context/request-context';

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
type Level = (typeof LEVELS)[number];

/** One JSON object per line on stdout/stderr, so logs can be shipped and queried. */
export class JsonLogger implements LoggerService {
  private readonly minimum: number;

  constructor(level: Level = 'info') {
    this.minimum = LEVELS.indexOf(level);
  }

  log(message: unknown, context?: string) {
    this.write('info', message, context);
  }
  error(message: unknown, trace?: string, context?: string) {
    this.write('error', message, context, trace);
  }
  warn(message: unknown, context?: string) {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string) {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string) {
    this.write('debug', message, context);
  }

  private write(level: Level, message: unknown, context?: string, trace?: string) {
    if (LEVELS.indexOf(level) < this.minimum) return;
    const fields = typeof message === 'object' && message !== null ? message : { msg: String(message) };
    const line = JSON.stringify({ time: new Date().toISOString(), level, context, requestId: currentRequestId(), ...fields, trace });
    (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(line + '\n');
  }
}
